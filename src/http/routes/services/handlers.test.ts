import { describe, expect, it } from 'vitest'
import { appWithWebhooks } from '../../../../test/harness/suite.js'
import { addMember, buildPagedPerson, buildPagedService, buildService, buildTeam, buildUser, pdTrigger, tokenFor } from '../../../../test/harness/factories.js'
import { DIALECTS } from '../../../../test/harness/storage.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: teams and services API`, () => {
    const suite = appWithWebhooks(dialect)

    it('builds a dependency graph and rejects a cycle without changing anything', async () => {
      const team = await buildTeam(suite.app)
      const db = await buildService(suite.app, team.id)
      const api = await buildService(suite.app, team.id, { dependsOn: [db.id] })
      const web = await buildService(suite.app, team.id, { dependsOn: [api.id] })
      const auditBefore = (await suite.app.call('GET', `/api/v1/audit?entityId=${db.id}`)).body.items.length

      const res = await suite.app.call('PATCH', `/api/v1/services/${db.id}`, { dependsOn: [web.id] })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].field).toBe('dependsOn')
      expect(res.body.errors[0].reason).toContain(`${db.name} → ${web.name} → ${api.name} → ${db.name}`)

      expect((await suite.app.call('GET', `/api/v1/services/${db.id}`)).body.dependsOn).toEqual([])
      expect((await suite.app.call('GET', `/api/v1/audit?entityId=${db.id}`)).body.items).toHaveLength(auditBefore)
    })

    it('names unknown dependencies and self-dependencies by index', async () => {
      const team = await buildTeam(suite.app)
      const svc = await buildService(suite.app, team.id)
      const res = await suite.app.call('PATCH', `/api/v1/services/${svc.id}`, { dependsOn: [svc.id, 'no-such-service'] })
      expect(res.status).toBe(400)
      expect(res.body.errors).toEqual([
        { field: 'dependsOn[0]', reason: 'a service cannot depend on itself' },
        { field: 'dependsOn[1]', reason: 'service no-such-service does not exist' },
      ])
    })

    it('refuses to delete a service others depend on', async () => {
      const team = await buildTeam(suite.app)
      const db = await buildService(suite.app, team.id)
      await buildService(suite.app, team.id, { dependsOn: [db.id] })
      const res = await suite.app.call('DELETE', `/api/v1/services/${db.id}`)
      expect(res.status).toBe(409)
      expect(res.body.code).toBe('E_CONFLICT')
    })

    it("deletes a service's alerts with their timelines, messages and delivery attempts, and nothing of another service", async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl)
      const steps = [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 5 }]
      const doomed = await buildPagedService(suite.app, team.id, steps)
      const kept = await buildPagedService(suite.app, team.id, steps)
      // A page delivered (with its attempt), then an alert bundled on arrival (its timeline row
      // names the follow-up, queued for the person), on each service.
      for (const s of [doomed, kept]) {
        expect((await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'disk full'), null)).status).toBe(202)
        await suite.app.settle()
        expect((await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'disk still full'), null)).status).toBe(202)
      }
      const db = suite.app.tend.storage.db
      const recordsOf = async (serviceId: string) => {
        const alerts = (await db.selectFrom('alerts').select('id').where('service_id', '=', serviceId).execute()).map((a) => a.id)
        if (alerts.length === 0) return { alerts: 0, timeline: 0, messages: 0, attempts: 0 }
        const messages = (await db.selectFrom('notifications').select('id').where('alert_id', 'in', alerts).execute()).map((n) => n.id)
        const timeline = await db.selectFrom('alert_log').select('id').where('alert_id', 'in', alerts).execute()
        const attempts = messages.length === 0 ? [] : await db.selectFrom('notification_attempts').select('id').where('notification_id', 'in', messages).execute()
        return { alerts: alerts.length, timeline: timeline.length, messages: messages.length, attempts: attempts.length }
      }
      const doomedAlerts = (await db.selectFrom('alerts').select('id').where('service_id', '=', doomed.serviceId).execute()).map((a) => a.id)
      const before = await recordsOf(kept.serviceId)
      expect(await recordsOf(doomed.serviceId)).toEqual(before)
      // Two alerts, three timeline rows each at least; one page sent (the bundled alert keeps no message).
      expect(before).toMatchObject({ alerts: 2, messages: 1, attempts: 1 })
      expect(before.timeline).toBeGreaterThanOrEqual(6)

      expect((await suite.app.call('DELETE', `/api/v1/services/${doomed.serviceId}`)).status).toBe(204)
      // By alert id: the rows must be gone, not only unreachable through their alert.
      expect(await db.selectFrom('alert_log').select('id').where('alert_id', 'in', doomedAlerts).execute()).toEqual([])
      expect(await db.selectFrom('notifications').select('id').where('alert_id', 'in', doomedAlerts).execute()).toEqual([])
      expect(await recordsOf(doomed.serviceId)).toEqual({ alerts: 0, timeline: 0, messages: 0, attempts: 0 })
      expect(await recordsOf(kept.serviceId)).toEqual(before)
      // The follow-up that would have listed the deleted alert is gone with it; the other stays.
      const followUps = await db.selectFrom('notifications').select('service_id').where('kind', '=', 'bundle').where('user_id', '=', ana.id).execute()
      expect(followUps).toEqual([{ service_id: kept.serviceId }])
    })

    it('scopes changes to the owning team: a responder of A cannot change B', async () => {
      const teamA = await buildTeam(suite.app)
      const teamB = await buildTeam(suite.app)
      const user = await buildUser(suite.app)
      await addMember(suite.app, teamA.id, user.id, 'admin')
      const token = await tokenFor(suite.app, user.id)
      const own = await suite.app.call('POST', '/api/v1/services', { name: `own-${Date.now()}`, teamId: teamA.id }, token)
      expect(own.status).toBe(201)
      const foreign = await suite.app.call('POST', '/api/v1/services', { name: `foreign-${Date.now()}`, teamId: teamB.id }, token)
      expect(foreign.status).toBe(403)
      expect(foreign.body.detail).toContain('admin role')
      const svcB = await buildService(suite.app, teamB.id)
      expect((await suite.app.call('PATCH', `/api/v1/services/${svcB.id}`, { description: 'mine now' }, token)).status).toBe(403)
      expect((await suite.app.call('PATCH', `/api/v1/teams/${teamB.id}`, { description: 'mine now' }, token)).status).toBe(403)
    })

    it('creates integration keys shown once and stored hashed', async () => {
      const team = await buildTeam(suite.app)
      const svc = await buildService(suite.app, team.id)
      const res = await suite.app.call('POST', `/api/v1/services/${svc.id}/integrations`, { name: 'Prometheus', type: 'alertmanager' })
      expect(res.status).toBe(201)
      expect(res.body.key).toMatch(/^[0-9a-f]{32}$/)
      const list = await suite.app.call('GET', `/api/v1/services/${svc.id}/integrations`)
      expect(list.body.items).toEqual([expect.objectContaining({ name: 'Prometheus', type: 'alertmanager', keyPrefix: res.body.key.slice(0, 6) })])
      expect(JSON.stringify(list.body)).not.toContain(res.body.key)
      const bad = await suite.app.call('POST', `/api/v1/services/${svc.id}/integrations`, { type: 'carrier-pigeon' })
      expect(bad.body.errors[0].field).toBe('type')
    })

    it('manages team membership with roles and rejects unknown roles', async () => {
      const team = await buildTeam(suite.app)
      const user = await buildUser(suite.app)
      const bad = await suite.app.call('PUT', `/api/v1/teams/${team.id}/members`, { userId: user.id, role: 'boss' })
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].field).toBe('role')
      await addMember(suite.app, team.id, user.id, 'observer')
      await addMember(suite.app, team.id, user.id, 'responder')
      const members = await suite.app.call('GET', `/api/v1/teams/${encodeURIComponent(team.name)}/members`)
      expect(members.body.items).toEqual([expect.objectContaining({ userId: user.id, role: 'responder' })])
    })

    it('refuses to delete a team that still owns services', async () => {
      const team = await buildTeam(suite.app)
      await buildService(suite.app, team.id)
      expect((await suite.app.call('DELETE', `/api/v1/teams/${team.id}`)).status).toBe(409)
    })
  })
}
