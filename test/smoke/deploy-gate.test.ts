import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { addMember, buildPagedPerson, buildSchedule, buildService, buildTeam, buildUser, tokenFor, weeklyLayer } from '../harness/factories.js'
import { WebhookReceiver } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

/** Never called: the gate only needs the contact method to exist, verified and interrupting. */
const HOOK = 'http://127.0.0.1:9/pager'
const HOUR = 3_600_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: the deploy gate through POST /api/v1/deploy-checks`, () => {
    let app: TestApp
    let svc: { id: string; name: string }
    let burning: { id: string; name: string }
    let unstaffed: { id: string; name: string }
    let freezeId: string
    let changeKey: string

    beforeAll(async () => {
      // Monday 2026-11-23 11:00 in Berlin; the rows ask about other times with `at`.
      app = await startTestApp(dialect, { now: '2026-11-23T10:00:00Z' })
      const team = await buildTeam(app, { timeZone: 'Europe/Berlin' })
      const ana = await buildPagedPerson(app, HOOK, { name: 'Ana', timeZone: 'Europe/Berlin' })
      // Ana covers everything from January 2026 on (both DST changes included).
      await buildSchedule(app, team.id, [weeklyLayer([ana.id], '2026-01-05T08:00:00Z')])
      const policy = await app.call('PUT', `/api/v1/teams/${team.id}/deploy-policy`, {
        windows: [{ days: ['mon', 'tue', 'wed', 'thu'], start: '09:00', end: '17:00' }],
        staffedHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
        supportTailMinutes: 180,
        holidays: ['2026-12-01'],
      })
      expect(policy.status).toBe(200)
      svc = await buildService(app, team.id, { name: 'checkout-api' })
      burning = await buildService(app, team.id, { name: 'payments-api' })
      const alert = await app.call('POST', '/api/v1/alerts', { serviceId: burning.id, summary: 'Payments failing', urgency: 'high' })
      expect(alert.status).toBe(201)
      // A team with nobody on call at all.
      const lonely = await buildTeam(app, { timeZone: 'Europe/Berlin' })
      unstaffed = await buildService(app, lonely.id, { name: 'reports' })

      // A freeze on Tuesday 2026-12-08 (Berlin), and a change with an approved exception to it.
      const approver = await buildUser(app, { name: 'Release manager' })
      const freeze = await app.call('POST', '/api/v1/freezes', { name: 'Peak week', start: '2026-12-08T00:00:00+01:00', end: '2026-12-09T00:00:00+01:00', reason: 'peak sales', approverIds: [approver.email] })
      expect(freeze.status).toBe(201)
      freezeId = freeze.body.id
      const author = await buildUser(app, { name: 'Author' })
      const reviewer = await buildUser(app, { name: 'Reviewer' })
      await addMember(app, team.id, author.id, 'responder')
      await addMember(app, team.id, reviewer.id, 'responder')
      const [authorToken, reviewerToken, approverToken] = await Promise.all([tokenFor(app, author.id), tokenFor(app, reviewer.id), tokenFor(app, approver.id)])
      const cr = await app.call(
        'POST',
        '/api/v1/changes',
        {
          title: 'Raise checkout connection pool',
          serviceIds: ['checkout-api'],
          worstCase: 'checkout requests queue and time out for every customer',
          rollbackPlan: { steps: ['redeploy the previous version (v1.42.0) of checkout-api'], estimatedMinutes: 10 },
          verificationSteps: ['p99 latency of /checkout stays under 300 ms'],
        },
        authorToken,
      )
      expect(cr.status).toBe(201)
      changeKey = cr.body.key
      expect((await app.call('POST', `/api/v1/changes/${changeKey}/submit`, {}, authorToken)).status).toBe(200)
      expect((await app.call('POST', `/api/v1/changes/${changeKey}/approve`, {}, reviewerToken)).status).toBe(200)
      const noException = await app.call('POST', `/api/v1/changes/${changeKey}/freeze-exceptions`, { freezeId }, reviewerToken)
      expect(noException.status).toBe(403)
      expect(noException.body.detail).toContain('Release manager')
      const exception = await app.call('POST', `/api/v1/changes/${changeKey}/freeze-exceptions`, { freezeId, comment: 'fixes a checkout outage' }, approverToken)
      expect(exception.status).toBe(201)
      expect(exception.body.freezeExceptions).toEqual([freezeId])
    })
    afterAll(async () => {
      await app?.close()
    })

    const check = (body: Record<string, unknown>) => app.call('POST', '/api/v1/deploy-checks', { service: 'checkout-api', ...body })
    const denyCodes = (reasons: { code: string; effect: string }[]) => reasons.filter((r) => r.effect === 'deny').map((r) => r.code).sort()

    const rows: { name: string; at: string; service?: () => string; change?: boolean; kind?: 'rollback'; allowed: boolean; deny?: string[]; nextAllowedAt?: string; also?: string[] }[] = [
      { name: 'Tue 09:30 Berlin, inside the window', at: '2026-11-24T09:30:00+01:00', allowed: true, deny: [] },
      { name: 'Fri 22:00: no window, no staffed tail, Ana asleep; next Mon 09:00', at: '2026-11-27T22:00:00+01:00', allowed: false, deny: ['ONCALL_ASLEEP', 'SUPPORT_TAIL', 'WINDOW_CLOSED'], nextAllowedAt: '2026-11-30T08:00:00.000Z' },
      { name: 'Thu 14:30: only 2 h 30 min of staffed time before 17:00, tail is 3 h', at: '2026-11-26T14:30:00+01:00', allowed: false, deny: ['SUPPORT_TAIL'], nextAllowedAt: '2026-11-30T08:00:00.000Z' },
      { name: 'Thu 14:00 exactly: the last deploy of the day', at: '2026-11-26T14:00:00+01:00', allowed: true, deny: [] },
      { name: 'inside a freeze', at: '2026-12-08T10:00:00+01:00', allowed: false, deny: ['FREEZE'], nextAllowedAt: '2026-12-09T08:00:00.000Z' },
      { name: 'inside a freeze with an approved exception', at: '2026-12-08T10:00:00+01:00', change: true, allowed: true, deny: [], also: ['FREEZE_EXCEPTION'] },
      { name: 'a rollback inside the freeze', at: '2026-12-08T10:00:00+01:00', kind: 'rollback', allowed: true, deny: [], also: ['ROLLBACK_ALWAYS_ALLOWED', 'FREEZE'] },
      { name: 'holiday (Tue 2026-12-01)', at: '2026-12-01T10:00:00+01:00', allowed: false, deny: ['HOLIDAY', 'SUPPORT_TAIL'], nextAllowedAt: '2026-12-02T08:00:00.000Z' },
      // DST: Berlin leaves summer time on Sun 2026-10-25; Monday 09:00 is then 08:00Z, not 07:00Z.
      { name: 'Fri before the October DST change: next allowed Mon 09:00 CET', at: '2026-10-23T18:00:00+02:00', allowed: false, deny: ['SUPPORT_TAIL', 'WINDOW_CLOSED'], nextAllowedAt: '2026-10-26T08:00:00.000Z' },
      { name: 'Fri before the March DST change: next allowed Mon 09:00 CEST', at: '2026-03-27T18:00:00+01:00', allowed: false, deny: ['SUPPORT_TAIL', 'WINDOW_CLOSED'], nextAllowedAt: '2026-03-30T07:00:00.000Z' },
      { name: 'Mon 09:30 CEST, the week after the March change', at: '2026-03-30T09:30:00+02:00', allowed: true, deny: [] },
      { name: 'Sun 2026-10-25 (the 25-hour day)', at: '2026-10-25T12:00:00+01:00', allowed: false, deny: ['SUPPORT_TAIL', 'WINDOW_CLOSED'], nextAllowedAt: '2026-10-26T08:00:00.000Z' },
      { name: 'nobody on call for the owning team', at: '2026-11-24T09:30:00+01:00', service: () => unstaffed.name, allowed: false, deny: ['NO_ONCALL'] },
      { name: 'a high-urgency alert is open on the service', at: '2026-11-24T09:30:00+01:00', service: () => burning.name, allowed: false, deny: ['OPEN_HIGH_URGENCY_ALERT'] },
    ]

    it.each(rows)('$name', async (row) => {
      const res = await check({ at: row.at, ...(row.service === undefined ? {} : { service: row.service() }), ...(row.change === true ? { change: changeKey } : {}), ...(row.kind === undefined ? {} : { kind: row.kind }) })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body.allowed, JSON.stringify(res.body.reasons)).toBe(row.allowed)
      if (row.deny !== undefined) expect(denyCodes(res.body.reasons)).toEqual(row.deny)
      if (row.nextAllowedAt !== undefined) expect(res.body.nextAllowedAt).toBe(row.nextAllowedAt)
      for (const code of row.also ?? []) expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain(code)
      expect(res.body.checkId).toMatch(/^[0-9a-f-]{36}$/)
    })

    it('explains each reason with local times, records every check, and lists the blast radius', async () => {
      const res = await check({ at: '2026-11-27T22:00:00+01:00' })
      const window = res.body.reasons.find((r: { code: string }) => r.code === 'WINDOW_CLOSED')
      expect(window).toMatchObject({ effect: 'deny', message: 'deploy window closed until Mon 09:00 Europe/Berlin', until: '2026-11-30T08:00:00.000Z' })
      expect(res.body.facts.onCall[0]).toMatchObject({ userName: 'Ana', asleepDuring: true, reachable: true })
      expect(res.body.blastRadius[0]).toMatchObject({ serviceName: 'checkout-api', distance: 0 })
      const recorded = await app.call('GET', `/api/v1/deploy-checks?serviceId=${svc.id}&limit=500`)
      expect(recorded.body.items.length).toBeGreaterThanOrEqual(10)
      expect(recorded.body.items[0]).toMatchObject({ id: res.body.checkId, allowed: false, actor: 'admin@tend.localhost' })
    })

    it('rejects bad input with the field named', async () => {
      const bad = await check({ at: 'tomorrow' })
      expect(bad.status).toBe(400)
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'at' })])
      expect((await check({ service: 'no-such-service' })).status).toBe(404)
      const other = await app.call('POST', '/api/v1/deploy-checks', { service: 'payments-api', change: changeKey })
      expect(other.status).toBe(400)
      expect(other.body.errors[0]).toMatchObject({ field: 'change', reason: expect.stringContaining('does not touch payments-api') })
    })

    // Last: it moves the clock. A 03:00 page spends the night budget of a team that opted in.
    it('denies deploys of the service whose pages spent the night budget, once the team opts in', async () => {
      const hooks = new WebhookReceiver()
      const url = await hooks.start()
      try {
        const night = await buildTeam(app, { timeZone: 'Europe/Berlin' })
        const bo = await buildPagedPerson(app, url, { name: 'Bo' })
        await buildSchedule(app, night.id, [weeklyLayer([bo.id], '2026-11-02T08:00:00Z')])
        const noisy = await buildService(app, night.id, { name: 'night-batch' })
        await buildService(app, night.id, { name: 'night-quiet' })
        app.clock.advance(16 * HOUR) // Tue 2026-11-24 03:00 in Berlin: Bo is asleep
        const alert = await app.call('POST', '/api/v1/alerts', { serviceId: noisy.id, summary: 'Batch stuck', urgency: 'high' })
        await app.settle()
        expect(hooks.requests.filter((r) => r.path === `/${bo.id}`).length).toBeGreaterThan(0)
        expect((await app.call('POST', `/api/v1/alerts/${alert.body.id}/resolve`, {})).status).toBe(200)
        app.clock.advance(6 * HOUR)
        const at = '2026-11-24T10:00:00+01:00'
        const optedOut = await check({ service: 'night-batch', at })
        expect(optedOut.body).toMatchObject({ allowed: true, facts: { nightBudgetKnown: true, nightBudgetSpent: false } })
        const settings = await app.call('PUT', `/api/v1/teams/${night.id}/oncall-health-settings`, { nightPageBudget: 1, budgetGatesDeploys: true })
        expect(settings.status).toBe(200)
        const spent = await check({ service: 'night-batch', at })
        expect(spent.body.allowed).toBe(false)
        expect(denyCodes(spent.body.reasons)).toEqual(['NIGHT_BUDGET_SPENT'])
        expect(spent.body.facts.nightBudgetSummary).toContain('Night-page budget')
        // Only the services that caused the pages are held back.
        expect((await check({ service: 'night-quiet', at })).body.allowed).toBe(true)
      } finally {
        await hooks.stop()
      }
    })
  })
}
