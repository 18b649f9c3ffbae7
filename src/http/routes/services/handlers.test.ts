import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness/app.js'
import { addMember, buildService, buildTeam, buildUser, tokenFor } from '../../../../test/harness/factories.js'
import { DIALECTS } from '../../../../test/harness/storage.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: teams and services API`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await startTestApp(dialect)
    })
    afterAll(async () => app?.close())

    it('builds a dependency graph and rejects a cycle without changing anything', async () => {
      const team = await buildTeam(app)
      const db = await buildService(app, team.id)
      const api = await buildService(app, team.id, { dependsOn: [db.id] })
      const web = await buildService(app, team.id, { dependsOn: [api.id] })
      const auditBefore = (await app.call('GET', `/api/v1/audit?entityId=${db.id}`)).body.items.length

      const res = await app.call('PATCH', `/api/v1/services/${db.id}`, { dependsOn: [web.id] })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].field).toBe('dependsOn')
      expect(res.body.errors[0].reason).toContain(`${db.name} → ${web.name} → ${api.name} → ${db.name}`)

      expect((await app.call('GET', `/api/v1/services/${db.id}`)).body.dependsOn).toEqual([])
      expect((await app.call('GET', `/api/v1/audit?entityId=${db.id}`)).body.items).toHaveLength(auditBefore)
    })

    it('names unknown dependencies and self-dependencies by index', async () => {
      const team = await buildTeam(app)
      const svc = await buildService(app, team.id)
      const res = await app.call('PATCH', `/api/v1/services/${svc.id}`, { dependsOn: [svc.id, 'no-such-service'] })
      expect(res.status).toBe(400)
      expect(res.body.errors).toEqual([
        { field: 'dependsOn[0]', reason: 'a service cannot depend on itself' },
        { field: 'dependsOn[1]', reason: 'service no-such-service does not exist' },
      ])
    })

    it('refuses to delete a service others depend on', async () => {
      const team = await buildTeam(app)
      const db = await buildService(app, team.id)
      await buildService(app, team.id, { dependsOn: [db.id] })
      const res = await app.call('DELETE', `/api/v1/services/${db.id}`)
      expect(res.status).toBe(409)
      expect(res.body.code).toBe('E_CONFLICT')
    })

    it('scopes changes to the owning team: a responder of A cannot change B', async () => {
      const teamA = await buildTeam(app)
      const teamB = await buildTeam(app)
      const user = await buildUser(app)
      await addMember(app, teamA.id, user.id, 'admin')
      const token = await tokenFor(app, user.id)
      const own = await app.call('POST', '/api/v1/services', { name: `own-${Date.now()}`, teamId: teamA.id }, token)
      expect(own.status).toBe(201)
      const foreign = await app.call('POST', '/api/v1/services', { name: `foreign-${Date.now()}`, teamId: teamB.id }, token)
      expect(foreign.status).toBe(403)
      expect(foreign.body.detail).toContain('admin role')
      const svcB = await buildService(app, teamB.id)
      expect((await app.call('PATCH', `/api/v1/services/${svcB.id}`, { description: 'mine now' }, token)).status).toBe(403)
      expect((await app.call('PATCH', `/api/v1/teams/${teamB.id}`, { description: 'mine now' }, token)).status).toBe(403)
    })

    it('creates integration keys shown once and stored hashed', async () => {
      const team = await buildTeam(app)
      const svc = await buildService(app, team.id)
      const res = await app.call('POST', `/api/v1/services/${svc.id}/integrations`, { name: 'Prometheus', type: 'alertmanager' })
      expect(res.status).toBe(201)
      expect(res.body.key).toMatch(/^[0-9a-f]{32}$/)
      const list = await app.call('GET', `/api/v1/services/${svc.id}/integrations`)
      expect(list.body.items).toEqual([expect.objectContaining({ name: 'Prometheus', type: 'alertmanager', keyPrefix: res.body.key.slice(0, 6) })])
      expect(JSON.stringify(list.body)).not.toContain(res.body.key)
      const bad = await app.call('POST', `/api/v1/services/${svc.id}/integrations`, { type: 'carrier-pigeon' })
      expect(bad.body.errors[0].field).toBe('type')
    })

    it('manages team membership with roles and rejects unknown roles', async () => {
      const team = await buildTeam(app)
      const user = await buildUser(app)
      const bad = await app.call('PUT', `/api/v1/teams/${team.id}/members`, { userId: user.id, role: 'boss' })
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].field).toBe('role')
      await addMember(app, team.id, user.id, 'observer')
      await addMember(app, team.id, user.id, 'responder')
      const members = await app.call('GET', `/api/v1/teams/${encodeURIComponent(team.name)}/members`)
      expect(members.body.items).toEqual([expect.objectContaining({ userId: user.id, role: 'responder' })])
    })

    it('refuses to delete a team that still owns services', async () => {
      const team = await buildTeam(app)
      await buildService(app, team.id)
      expect((await app.call('DELETE', `/api/v1/teams/${team.id}`)).status).toBe(409)
    })
  })
}
