import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../../../test/harness/app.js'
import { DIALECTS } from '../../../../test/harness/storage.js'

for (const dialect of DIALECTS) {
  describe(`${dialect}: health, auth and HTTP edges`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await startTestApp(dialect)
    })
    afterAll(async () => app?.close())

    it('serves /healthz, /readyz and /metrics without a token', async () => {
      expect((await app.call('GET', '/healthz', undefined, null)).body).toEqual({ status: 'ok' })
      expect((await app.call('GET', '/readyz', undefined, null)).body).toEqual({ status: 'ready', database: dialect })
      const metrics = await app.call('GET', '/metrics', undefined, null)
      expect(metrics.status).toBe(200)
      expect(metrics.body).toContain('tend_http_requests_total')
    })

    it('publishes the OpenAPI document with the API paths', async () => {
      const res = await app.call('GET', '/api/openapi.json', undefined, null)
      expect(res.status).toBe(200)
      expect(res.body.openapi).toBe('3.1.0')
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/users', '/api/v1/schedules/{id}/shifts', '/api/v1/oncall']))
    })

    it('answers 401 with a Bearer challenge for a missing or wrong token', async () => {
      const missing = await app.call('GET', '/api/v1/users', undefined, null)
      expect(missing.status).toBe(401)
      expect(missing.headers.get('www-authenticate')).toContain('Bearer')
      expect(missing.body.code).toBe('E_UNAUTHENTICATED')
      const wrong = await app.call('GET', '/api/v1/users', undefined, 'tend_pat_wrongwrongwrongwrongwrong')
      expect(wrong.status).toBe(401)
      expect(wrong.body.detail).toContain('unknown, revoked or expired')
    })

    it('stops accepting a revoked token', async () => {
      const created = await app.call('POST', `/api/v1/users/${(await app.call('GET', '/api/v1/me')).body.id}/tokens`, { name: 'short-lived' })
      const token = created.body.token as string
      expect((await app.call('GET', '/api/v1/me', undefined, token)).status).toBe(200)
      expect((await app.call('DELETE', `/api/v1/me/tokens/${created.body.info.id}`, undefined, token)).status).toBe(204)
      expect((await app.call('GET', '/api/v1/me', undefined, token)).status).toBe(401)
    })

    it('stores tokens hashed', async () => {
      const rows = await app.tend.storage.db.selectFrom('api_tokens').select('token_hash').execute()
      expect(rows.length).toBeGreaterThan(0)
      for (const r of rows) expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/)
    })

    it('answers 400 for malformed JSON and 413 for an oversized body', async () => {
      const bad = await app.call('POST', '/api/v1/teams', '{"name": ')
      expect(bad.status).toBe(400)
      expect(bad.body.code).toBe('E_BAD_REQUEST')
      const huge = await app.call('POST', '/api/v1/teams', { name: 'x'.repeat(600 * 1024) })
      expect(huge.status).toBe(413)
      expect(huge.body.code).toBe('E_PAYLOAD_TOO_LARGE')
    })

    it('takes an empty body sent as JSON as no body: routes without one accept it, routes that need one name it', async () => {
      const raw = (method: string, path: string) => fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: '' })
      const team = await app.call('POST', '/api/v1/teams', { name: 'Empty bodies' })
      expect((await raw('DELETE', `/api/v1/teams/${team.body.id}`)).status).toBe(204)
      const needsOne = await raw('POST', '/api/v1/teams')
      expect(needsOne.status).toBe(400)
      const problem = (await needsOne.json()) as { code: string; detail: string }
      expect(problem.code).toBe('E_VALIDATION')
      expect(problem.detail).toContain('body')
      const event = await fetch(`${app.url}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' })
      expect(event.status).toBe(400)
      expect(await event.json()).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' })
    })

    it('answers 404 problem details for unknown API routes', async () => {
      const res = await app.call('GET', '/api/v1/nope')
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('E_NOT_FOUND')
    })
  })
}
