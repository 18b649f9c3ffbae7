import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestChangeLine } from '../../src/domain/change-requests/index.js'
import { startTestApp, type TestApp } from '../harness/app.js'
import { addMember, buildPagedPerson, buildSchedule, buildService, buildTeam, buildUser, tokenFor, weeklyLayer } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'

const HOOK = 'http://127.0.0.1:9/pager'
const MIN = 60_000

const HOLIDAYS_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Holidays//EN',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261224',
  'DTEND;VALUE=DATE:20261227',
  'SUMMARY:Christmas',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261231',
  'SUMMARY:New Year’s Eve',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n')

for (const dialect of DIALECTS) {
  describe(`${dialect}: deployments, the incident view, policies, freezes and metrics`, () => {
    let app: TestApp
    let team: { id: string; name: string }
    let api: { id: string; name: string }
    let db: { id: string; name: string }
    let adminToken: string
    let authorToken: string
    let reviewerToken: string

    beforeAll(async () => {
      // Tuesday 2026-11-24 10:00 in Berlin.
      app = await startTestApp(dialect, { now: '2026-11-24T09:00:00Z' })
      team = await buildTeam(app, { name: 'Checkout', timeZone: 'Europe/Berlin' })
      const ana = await buildPagedPerson(app, HOOK, { name: 'Ana' })
      await buildSchedule(app, team.id, [weeklyLayer([ana.id], '2026-11-02T08:00:00Z')])
      const [lead, author, reviewer] = [await buildUser(app, { name: 'Lead' }), await buildUser(app, { name: 'Author' }), await buildUser(app, { name: 'Reviewer' })]
      await addMember(app, team.id, lead.id, 'admin')
      await addMember(app, team.id, author.id, 'responder')
      await addMember(app, team.id, reviewer.id, 'responder')
      ;[adminToken, authorToken, reviewerToken] = await Promise.all([tokenFor(app, lead.id), tokenFor(app, author.id), tokenFor(app, reviewer.id)])
      db = await buildService(app, team.id, { name: 'ledger-db' })
      api = await buildService(app, team.id, { name: 'checkout-api', dependsOn: [db.id] })
    })
    afterAll(async () => {
      await app?.close()
    })

    async function approvedChange(title: string, steps: string[]): Promise<string> {
      const cr = await app.call('POST', '/api/v1/changes', { title, serviceIds: ['checkout-api'], worstCase: 'checkout fails for every customer until rolled back', rollbackPlan: { steps, estimatedMinutes: 5 }, verificationSteps: ['checkout error rate under 0.1%'] }, authorToken)
      expect(cr.status).toBe(201)
      expect((await app.call('POST', `/api/v1/changes/${cr.body.key}/submit`, {}, authorToken)).status).toBe(200)
      expect((await app.call('POST', `/api/v1/changes/${cr.body.key}/approve`, {}, reviewerToken)).status).toBe(200)
      return cr.body.key
    }

    it('an alert on a service deployed 40 minutes earlier shows that deployment and its rollback steps first; the page line names it', async () => {
      const first = await app.call('POST', '/api/v1/deployments', { service: 'checkout-api', version: 'v1.42.0' }, authorToken)
      expect(first.status).toBe(201)
      expect((await app.call('POST', `/api/v1/deployments/${first.body.deployment.id}/finish`, {}, authorToken)).body.status).toBe('succeeded')

      // A change event on the database the service depends on, from another tool.
      const integration = await app.call('POST', `/api/v1/services/${db.id}/integrations`, { type: 'events_v2' })
      app.clock.advance(10 * MIN)
      const event = await app.call('POST', '/v2/change/enqueue', { routing_key: integration.body.key, payload: { summary: 'Raised max_connections to 400', source: 'terraform' } }, null)
      expect(event.status).toBe(202)

      app.clock.advance(20 * MIN)
      const key = await approvedChange('Checkout v1.43.0: new payment form', ['redeploy the previous version (v1.42.0) of checkout-api', 'turn off flag payment_form_v2'])
      const started = await app.call('POST', '/api/v1/deployments', { service: 'checkout-api', version: 'v1.43.0', change: key }, authorToken)
      expect(started.status).toBe(201)
      expect(started.body.deployment).toMatchObject({ version: 'v1.43.0', changeKey: key, status: 'in_progress', overrideReason: null, gateCheckId: started.body.check.checkId })
      expect(started.body.check.allowed).toBe(true)
      expect((await app.call('GET', `/api/v1/changes/${key}`)).body.state).toBe('in_progress')
      const deploymentId = started.body.deployment.id as string

      app.clock.advance(40 * MIN)
      const alert = await app.call('POST', '/api/v1/alerts', { serviceId: api.id, summary: 'Checkout error rate above 5%', urgency: 'high' })
      const detail = await app.call('GET', `/api/v1/alerts/${alert.body.id}`)
      expect(detail.status).toBe(200)
      const [latest, dbEvent, older] = detail.body.recentChanges
      expect(latest).toMatchObject({
        kind: 'deployment',
        id: deploymentId,
        serviceName: 'checkout-api',
        relation: 'self',
        version: 'v1.43.0',
        within3h: true,
        ageMinutes: 40,
        changeRequest: { key, title: 'Checkout v1.43.0: new payment form' },
        rollbackPlan: { steps: ['redeploy the previous version (v1.42.0) of checkout-api', 'turn off flag payment_form_v2'], source: 'change-request' },
      })
      expect(dbEvent).toMatchObject({ kind: 'change_event', serviceName: 'ledger-db', relation: 'dependency', summary: 'ledger-db: Raised max_connections to 400 (from terraform)', within3h: true })
      expect(older).toMatchObject({ kind: 'deployment', version: 'v1.42.0', ageMinutes: 70, rollbackPlan: null })

      const line = await latestChangeLine(app.tend.storage.db, api.id, app.clock.now())
      expect(line).toBe(`Recent change (40 min ago): checkout-api deployed v1.43.0 by ${started.body.deployment.actor} (${key} "Checkout v1.43.0: new payment form") — roll back: redeploy the previous version (v1.42.0) of checkout-api`)
      expect(await latestChangeLine(app.tend.storage.db, api.id, app.clock.now() + 4 * 60 * MIN)).toBeNull()
      // The page itself names the change and how to roll it back.
      await app.settle()
      const pages = await app.tend.storage.db.selectFrom('notifications').select('body_text').where('alert_id', '=', alert.body.id).where('kind', '=', 'alert').execute()
      expect(pages.length).toBeGreaterThan(0)
      for (const p of pages) expect(p.body_text).toContain(line ?? 'a change line')

      // The roll back action records the rollback, marks the deployment and rolls back the change.
      app.clock.advance(5 * MIN)
      const rolled = await app.call('POST', `/api/v1/deployments/${deploymentId}/rollback`, { reason: 'error rate above 5%' }, authorToken)
      expect(rolled.status).toBe(201)
      expect(rolled.body.rollback).toMatchObject({ kind: 'rollback', version: 'v1.42.0', status: 'succeeded', rollsBackId: deploymentId, changeKey: key })
      expect(rolled.body.original.status).toBe('rolled_back')
      expect((await app.call('GET', `/api/v1/changes/${key}`)).body.state).toBe('rolled_back')
      expect((await app.call('POST', `/api/v1/deployments/${deploymentId}/rollback`, {}, authorToken)).status).toBe(409)
      const after = await app.call('GET', `/api/v1/alerts/${alert.body.id}`)
      expect(after.body.recentChanges[0]).toMatchObject({ kind: 'rollback', version: 'v1.42.0', within3h: false })
    })

    it('a change event from another tool alone (no deployment, no change request) is named on the page and in the incident view', async () => {
      const search = await buildService(app, team.id, { name: `search-api-${dialect}` })
      const integration = await app.call('POST', `/api/v1/services/${search.id}/integrations`, { type: 'events_v2' })
      const event = await app.call('POST', '/v2/change/enqueue', { routing_key: integration.body.key, payload: { summary: 'Reindexed the catalogue', source: 'argo' } }, null)
      expect(event.status).toBe(202)
      app.clock.advance(15 * MIN)
      expect(await latestChangeLine(app.tend.storage.db, search.id, app.clock.now())).toBe(`Recent change (15 min ago): ${search.name}: Reindexed the catalogue (from argo)`)
      const alert = await app.call('POST', '/api/v1/alerts', { serviceId: search.id, summary: 'Search latency p99 above 2 s', urgency: 'high' })
      const detail = await app.call('GET', `/api/v1/alerts/${alert.body.id}`)
      expect(detail.body.recentChanges).toEqual([expect.objectContaining({ kind: 'change_event', relation: 'self', within3h: true, ageMinutes: 15 })])
    })

    it('a deployment the gate denies needs an override reason, which is recorded and audited', async () => {
      // The alert from the previous test is still open: the gate denies deploys of checkout-api.
      const denied = await app.call('POST', '/api/v1/deployments', { service: 'checkout-api', version: 'v1.44.0' }, authorToken)
      expect(denied.status).toBe(409)
      expect(denied.body.detail).toContain('OPEN_HIGH_URGENCY_ALERT')
      const checks = await app.call('GET', `/api/v1/deploy-checks?serviceId=${api.id}&limit=1`)
      expect(checks.body.items[0]).toMatchObject({ allowed: false, reasons: [expect.objectContaining({ code: 'OPEN_HIGH_URGENCY_ALERT' })] })
      expect((await app.call('POST', '/api/v1/deployments', { service: 'checkout-api', version: 'v1.44.0', overrideReason: 'ok' }, authorToken)).status).toBe(400)
      const forced = await app.call('POST', '/api/v1/deployments', { service: 'checkout-api', version: 'v1.44.0', overrideReason: 'hotfix for the open incident, agreed with the on-call' }, authorToken)
      expect(forced.status).toBe(201)
      expect(forced.body.deployment).toMatchObject({ overrideReason: 'hotfix for the open incident, agreed with the on-call', gateCheckId: forced.body.check.checkId })
      const audit = await app.call('GET', `/api/v1/audit?entityType=deployment&entityId=${forced.body.deployment.id}`)
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['deployment.override', 'deployment.start'])
      const outsider = await tokenFor(app, (await buildUser(app)).id)
      expect((await app.call('POST', '/api/v1/deployments', { service: 'checkout-api', version: 'v9' }, outsider)).status).toBe(403)
      const list = await app.call('GET', `/api/v1/deployments?serviceId=checkout-api`)
      expect(list.body.items.map((d: { version: string; kind: string }) => `${d.kind} ${d.version}`)).toEqual(['deploy v1.44.0', 'rollback v1.42.0', 'deploy v1.43.0', 'deploy v1.42.0'])
    })

    it('deploy policies: team admins set them, services inherit and may override, holidays import from iCalendar', async () => {
      const fresh = await app.call('GET', `/api/v1/teams/${team.id}/deploy-policy`)
      expect(fresh.body).toMatchObject({ isDefault: true, policy: { timeZone: 'Europe/Berlin', supportTailMinutes: 180, windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] } })
      expect((await app.call('PUT', `/api/v1/teams/${team.id}/deploy-policy`, { supportTailMinutes: 120 }, authorToken)).status).toBe(403)
      const bad = await app.call('PUT', `/api/v1/teams/${team.id}/deploy-policy`, { windows: [{ days: ['mon', 'funday'], start: '9am', end: '17:00' }], holidays: ['25.12.2026'] }, adminToken)
      expect(bad.status).toBe(400)
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['holidays[0]', 'windows[0].days[1]', 'windows[0].start'])
      const set = await app.call('PUT', `/api/v1/teams/${team.id}/deploy-policy`, { supportTailMinutes: 120, holidays: ['2026-12-08'], checks: { requireApprovedChange: true } }, adminToken)
      expect(set.status).toBe(200)
      expect(set.body).toMatchObject({ isDefault: false, policy: { supportTailMinutes: 120, holidays: ['2026-12-08'], checks: { requireApprovedChange: true, requireOnCall: true } } })

      const override = await app.call('PUT', `/api/v1/services/${db.id}/deploy-policy`, { supportTailMinutes: 240, windows: [{ days: ['tue', 'wed'], start: '14:00', end: '16:00' }] }, adminToken)
      expect(override.status).toBe(400)
      expect(override.body.errors[0]).toMatchObject({ field: 'supportTailMinutes', reason: expect.stringContaining('no time is left to deploy') })
      const ok = await app.call('PUT', `/api/v1/services/${db.id}/deploy-policy`, { windows: [{ days: ['tue', 'wed'], start: '09:00', end: '12:00' }] }, adminToken)
      expect(ok.body).toMatchObject({ source: 'service', override: { windows: [{ days: ['tue', 'wed'], start: '09:00', end: '12:00' }] }, policy: { supportTailMinutes: 120, holidays: ['2026-12-08'] } })

      const imported = await app.call('POST', `/api/v1/teams/${team.id}/deploy-policy/holidays/import`, { ics: HOLIDAYS_ICS }, adminToken)
      expect(imported.status).toBe(200)
      expect(imported.body.added).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31'])
      expect(imported.body.policy.policy.holidays).toEqual(['2026-12-08', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31'])
      const inherited = await app.call('GET', `/api/v1/services/${db.id}/deploy-policy`)
      expect(inherited.body.policy.holidays).toContain('2026-12-24')
      const junk = await app.call('POST', `/api/v1/teams/${team.id}/deploy-policy/holidays/import`, { ics: 'hello' }, adminToken)
      expect(junk.status).toBe(400)
      expect(junk.body.errors[0]).toMatchObject({ field: 'ics', reason: expect.stringContaining('BEGIN:VCALENDAR is missing') })

      // The gate now wants an approved change for checkout-api, and Christmas Eve is a holiday.
      const xmas = await app.call('POST', '/api/v1/deploy-checks', { service: 'checkout-api', at: '2026-12-24T10:00:00+01:00' })
      expect(xmas.body.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['HOLIDAY', 'NO_APPROVED_CHANGE']))
      const cleared = await app.call('DELETE', `/api/v1/services/${db.id}/deploy-policy`, undefined, adminToken)
      expect(cleared.body).toMatchObject({ source: 'team', override: null })
      const audit = await app.call('GET', `/api/v1/audit?teamId=${team.id}&limit=50`)
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['deploy_policy.update', 'deploy_policy.service.update', 'deploy_policy.service.clear']))
      expect((await app.call('DELETE', `/api/v1/teams/${team.id}/deploy-policy`, undefined, adminToken)).body.isDefault).toBe(true)
    })

    it('freezes: team admins freeze their team, only global admins freeze everything', async () => {
      const all = await app.call('POST', '/api/v1/freezes', { name: 'Everything', start: '2026-12-20T00:00:00+01:00', end: '2026-12-27T00:00:00+01:00' }, adminToken)
      expect(all.status).toBe(403)
      const ours = await app.call('POST', '/api/v1/freezes', { name: 'Checkout peak', start: '2026-11-27T00:00:00+01:00', end: '2026-11-30T00:00:00+01:00', scope: { kind: 'teams', teamIds: ['Checkout'] }, reason: 'Black Friday' }, adminToken)
      expect(ours.status).toBe(201)
      expect(ours.body).toMatchObject({ scope: { kind: 'teams', teamIds: [team.id] }, active: false, exceptions: [] })
      const bad = await app.call('POST', '/api/v1/freezes', { name: ' ', start: '2026-11-27T00:00:00+01:00', end: '2026-11-26T00:00:00+01:00', scope: { kind: 'services', serviceIds: ['nope'] } }, adminToken)
      expect(bad.status).toBe(400)
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['end', 'name', 'scope.serviceIds[0]'])
      const moved = await app.call('PATCH', `/api/v1/freezes/${ours.body.id}`, { end: '2026-12-01T00:00:00+01:00' }, adminToken)
      expect(moved.body.end).toBe('2026-11-30T23:00:00.000Z')
      const listed = await app.call('GET', `/api/v1/freezes?teamId=${team.id}`)
      expect(listed.body.items.map((f: { name: string }) => f.name)).toEqual(['Checkout peak'])
      const denied = await app.call('POST', '/api/v1/deploy-checks', { service: 'checkout-api', at: '2026-11-27T10:00:00+01:00' })
      expect(denied.body.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'FREEZE', message: expect.stringContaining('Black Friday') })]))
      const calendar = await app.call('GET', `/api/v1/change-calendar?from=${encodeURIComponent('2026-11-23T00:00:00+01:00')}&to=${encodeURIComponent('2026-11-30T00:00:00+01:00')}&teamId=${team.id}`)
      expect(calendar.status).toBe(200)
      const week = calendar.body.teams[0]
      expect(week.windows).toHaveLength(5)
      expect(week.windows[0]).toEqual({ start: '2026-11-23T09:00:00.000+01:00', end: '2026-11-23T17:00:00.000+01:00' })
      // Mon–Thu deployable 09:00–14:00; Friday is frozen.
      expect(week.deployable).toHaveLength(4)
      expect(week.deployable[0]).toEqual({ start: '2026-11-23T09:00:00.000+01:00', end: '2026-11-23T14:00:00.000+01:00' })
      expect(calendar.body.freezes.map((f: { name: string }) => f.name)).toEqual(['Checkout peak'])
      expect(calendar.body.deployments.length).toBeGreaterThanOrEqual(4)
      expect(calendar.body.changeRequests.length).toBeGreaterThanOrEqual(1)
      expect((await app.call('GET', '/api/v1/change-calendar?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z')).status).toBe(400)
      expect((await app.call('DELETE', `/api/v1/freezes/${ours.body.id}`, undefined, adminToken)).status).toBe(204)
    })

    it('measures deploy-to-alert delays against the tail and DORA metrics with 2024 bands', async () => {
      const res = await app.call('GET', `/api/v1/teams/${team.id}/change-metrics?from=${encodeURIComponent('2026-11-01T00:00:00Z')}&to=${encodeURIComponent('2026-11-25T00:00:00Z')}`)
      expect(res.status).toBe(200)
      const impact = res.body.deployImpact
      expect(impact).toMatchObject({ deploys: 3, configuredTailMinutes: 180, suggestedTailMinutes: null, coverageTarget: 0.9 })
      expect(impact.perDeploy.map((p: { firstAlertAfterMinutes: number | null }) => p.firstAlertAfterMinutes)).toEqual([null, 40, null])
      expect(impact.note).toContain('too few to suggest a support tail')
      expect(res.body.dora.team).toMatchObject({ deployments: 3, changeFailureRate: 1 / 3, bands: { deploymentFrequency: 'below-high', changeFailureRate: 'below-high' } })
      expect(res.body.dora.team.medianTimeToRestoreMinutes).toBeGreaterThan(0)
      expect(res.body.dora.services.find((s: { serviceName: string }) => s.serviceName === 'checkout-api').deployments).toBe(3)
      expect(res.body.dora.published).toContain('DORA 2024')
    })
  })
}
