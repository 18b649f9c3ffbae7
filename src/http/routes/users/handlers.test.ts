import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/harness/app.js'
import { buildUser, tokenFor } from '../../../../test/harness/factories.js'
import { DIALECTS } from '../../../../test/harness/storage.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: users API`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await startTestApp(dialect)
    })
    afterAll(async () => app?.close())

    it('creates a user with the default sleep and working hours and an email contact method', async () => {
      const res = await app.call('POST', '/api/v1/users', { name: 'Ada Lovelace', email: 'Ada@Example.test', timeZone: 'Europe/London' })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        name: 'Ada Lovelace',
        email: 'ada@example.test',
        timeZone: 'Europe/London',
        sleepHours: { start: '22:00', end: '08:00' },
        workingHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
        isAdmin: false,
      })
      const methods = await app.call('GET', `/api/v1/users/${res.body.id}/contact-methods`)
      expect(methods.body.items).toEqual([expect.objectContaining({ type: 'email', address: 'ada@example.test', interrupting: false, verified: false })])
      const rules = await app.call('GET', `/api/v1/users/${res.body.id}/notification-rules`)
      expect(rules.body.items.map((r: { urgency: string }) => r.urgency).sort()).toEqual(['high', 'low'])
    })

    it('rejects every invalid field at once with problem details naming each', async () => {
      const res = await app.call('POST', '/api/v1/users', { name: '', email: 'not-an-email', timeZone: 'Mars/Base', sleepHours: { start: '25:00', end: '08:00' } })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.code).toBe('E_VALIDATION')
      const fields = res.body.errors.map((e: { field: string }) => e.field)
      expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'timeZone', 'sleepHours.start']))
      expect(res.body.errors.find((e: { field: string }) => e.field === 'timeZone').reason).toContain('Mars/Base')
    })

    it('rejects unknown fields and wrong types from the schema', async () => {
      const res = await app.call('POST', '/api/v1/users', { name: 'X', email: 'x@example.test', naem: 'typo', isAdmin: 'yes' })
      expect(res.status).toBe(400)
      const byField = Object.fromEntries(res.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason]))
      expect(byField['naem']).toBe('is not a known field')
      expect(byField['isAdmin']).toContain('boolean')
    })

    it('rejects a duplicate email without creating anything', async () => {
      const user = await buildUser(app)
      const before = await app.call('GET', '/api/v1/users')
      const res = await app.call('POST', '/api/v1/users', { name: 'Twin', email: user.email })
      expect(res.status).toBe(400)
      expect(res.body.errors[0]).toMatchObject({ field: 'email' })
      const after = await app.call('GET', '/api/v1/users')
      expect(after.body.items).toHaveLength(before.body.items.length)
    })

    it('lets people edit themselves but not others, and not make themselves admin', async () => {
      const alice = await buildUser(app)
      const bob = await buildUser(app)
      const token = await tokenFor(app, alice.id)
      expect((await app.call('PATCH', `/api/v1/users/${alice.id}`, { timeZone: 'Asia/Kolkata' }, token)).body.timeZone).toBe('Asia/Kolkata')
      const other = await app.call('PATCH', `/api/v1/users/${bob.id}`, { name: 'Hacked' }, token)
      expect(other.status).toBe(403)
      expect(other.body.code).toBe('E_FORBIDDEN')
      expect((await app.call('PATCH', `/api/v1/users/${alice.id}`, { isAdmin: true }, token)).status).toBe(403)
      expect((await app.call('POST', '/api/v1/users', { name: 'New', email: 'new-by-alice@example.test' }, token)).status).toBe(403)
    })

    it('seals webhook addresses at rest and audits changes without the secret', async () => {
      const user = await buildUser(app)
      const url = 'https://hooks.example.test/services/T000/B000/very-secret-path'
      const res = await app.call('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'slack', address: url })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ type: 'slack', address: url, verified: false, interrupting: false })
      const row = await app.tend.storage.db.selectFrom('contact_methods').select('address_sealed').where('id', '=', res.body.id).executeTakeFirstOrThrow()
      expect(row.address_sealed).not.toContain('secret')
      const audit = await app.call('GET', `/api/v1/audit?entityId=${res.body.id}`)
      expect(JSON.stringify(audit.body.items)).not.toContain('very-secret-path')
    })

    it('validates contact method addresses by type', async () => {
      const user = await buildUser(app)
      const sms = await app.call('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'sms', address: '0151 123' })
      expect(sms.status).toBe(400)
      expect(sms.body.errors[0]).toMatchObject({ field: 'address' })
      const pigeon = await app.call('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'pigeon', address: 'roof' })
      expect(pigeon.body.errors[0]).toMatchObject({ field: 'type' })
      const ok = await app.call('POST', `/api/v1/users/${user.id}/contact-methods`, { type: 'sms', address: '+4915112345678' })
      expect(ok.body.interrupting).toBe(true)
    })

    it('refuses a notification rule on another person’s contact method', async () => {
      const a = await buildUser(app)
      const b = await buildUser(app)
      const bMethods = await app.call('GET', `/api/v1/users/${b.id}/contact-methods`)
      const res = await app.call('POST', `/api/v1/users/${a.id}/notification-rules`, { contactMethodId: bMethods.body.items[0].id, urgency: 'high', delayMinutes: 1 })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].field).toBe('contactMethodId')
    })

    it('tells the signed-in user who they are and their role on each team', async () => {
      const user = await buildUser(app)
      const team = await app.call('POST', '/api/v1/teams', { name: `Roles ${user.id.slice(-6)}`, timeZone: 'UTC' })
      expect((await app.call('PUT', `/api/v1/teams/${team.body.id}/members`, { userId: user.id, role: 'responder' })).status).toBe(200)
      const me = await app.call('GET', '/api/v1/me', undefined, await tokenFor(app, user.id))
      expect(me.status).toBe(200)
      expect(me.body).toMatchObject({ id: user.id, isAdmin: false, teamRoles: [{ teamId: team.body.id, role: 'responder' }] })
    })

    it('answers 404 problem details for unknown users', async () => {
      const res = await app.call('GET', '/api/v1/users/00000000-0000-7000-8000-000000000000')
      expect(res.status).toBe(404)
      expect(res.body).toMatchObject({ status: 404, code: 'E_NOT_FOUND', instance: '/api/v1/users/00000000-0000-7000-8000-000000000000' })
    })

    it('records an audit entry with before and after images', async () => {
      const user = await buildUser(app)
      await app.call('PATCH', `/api/v1/users/${user.id}`, { name: 'Renamed Person' })
      const audit = await app.call('GET', `/api/v1/audit?entityType=user&entityId=${user.id}`)
      const update = audit.body.items.find((a: { action: string }) => a.action === 'user.update')
      expect(update.before.name).toBe(user.name)
      expect(update.after.name).toBe('Renamed Person')
      expect(update.actor).toBe('admin@tend.localhost')
    })
  })
}
