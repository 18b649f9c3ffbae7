import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../harness/app.js'
import { addMember, buildPagedPerson, buildSchedule, buildService, buildTeam, buildUser, tokenFor, weeklyLayer } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'

const HOOK = 'http://127.0.0.1:9/pager'

const concretePlan = { steps: ['redeploy the previous version (v1.42.0) of ledger-db migrations', 'run down migration 20261120-add-index'], estimatedMinutes: 15 }
const worstCase = 'ledger writes lock for minutes and checkout fails for every customer'

for (const dialect of DIALECTS) {
  describe(`${dialect}: change requests`, () => {
    let app: TestApp
    let team: { id: string; name: string }
    let authorToken: string
    let reviewerToken: string
    let outsiderToken: string
    const svc: Record<string, { id: string; name: string }> = {}

    beforeAll(async () => {
      // Tuesday 2026-11-24 10:00 in Berlin.
      app = await startTestApp(dialect, { now: '2026-11-24T09:00:00Z' })
      team = await buildTeam(app, { name: 'Ledger', timeZone: 'Europe/Berlin' })
      const web = await buildTeam(app, { name: 'Web', timeZone: 'America/New_York' })
      const ana = await buildPagedPerson(app, HOOK, { name: 'Ana' })
      const ben = await buildPagedPerson(app, HOOK, { name: 'Ben', timeZone: 'America/New_York' })
      await buildSchedule(app, team.id, [weeklyLayer([ana.id], '2026-11-02T08:00:00Z')])
      await buildSchedule(app, web.id, [weeklyLayer([ben.id], '2026-11-02T14:00:00Z')], { timeZone: 'America/New_York' })
      const author = await buildUser(app, { name: 'Author' })
      const reviewer = await buildUser(app, { name: 'Reviewer' })
      const outsider = await buildUser(app, { name: 'Outsider' })
      await addMember(app, team.id, author.id, 'responder')
      await addMember(app, team.id, reviewer.id, 'responder')
      ;[authorToken, reviewerToken, outsiderToken] = await Promise.all([tokenFor(app, author.id), tokenFor(app, reviewer.id), tokenFor(app, outsider.id)])
      // A diamond (db ← b, c ← d) and a long chain hanging off it (d ← e1 ← … ← e5).
      svc['db'] = await buildService(app, team.id, { name: 'ledger-db' })
      svc['b'] = await buildService(app, team.id, { name: 'ledger-api', dependsOn: [svc['db'].id] })
      svc['c'] = await buildService(app, team.id, { name: 'ledger-reports', dependsOn: [svc['db'].id] })
      svc['d'] = await buildService(app, web.id, { name: 'checkout', dependsOn: [svc['b'].id, svc['c'].id] })
      let previous = svc['d']
      for (let i = 1; i <= 5; i++) {
        svc[`e${i}`] = await buildService(app, web.id, { name: `storefront-${i}`, dependsOn: [previous.id] })
        previous = svc[`e${i}`]!
      }
    })
    afterAll(async () => {
      await app?.close()
    })

    const create = (body: Record<string, unknown>, token = authorToken) => app.call('POST', '/api/v1/changes', { serviceIds: ['ledger-db'], ...body }, token)

    it('rejects a roll-forward plan at submit, naming the step; accepts a concrete one; the author cannot approve their own change', async () => {
      const draft = await create({ title: 'Add index to ledger entries', worstCase, rollbackPlan: { steps: ['deploy a hotfix if it breaks'], estimatedMinutes: 10 } })
      expect(draft.status).toBe(201)
      expect(draft.body).toMatchObject({ state: 'draft', key: expect.stringMatching(/^CR-\d+$/), type: 'normal' })
      // A draft may hold anything; what blocks submitting is shown, not thrown.
      expect(draft.body.toSubmit).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'rollbackPlan.steps[0]' })]))
      const key = draft.body.key as string

      const refused = await app.call('POST', `/api/v1/changes/${key}/submit`, {}, authorToken)
      expect(refused.status).toBe(400)
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'rollbackPlan.steps[0]', reason: expect.stringContaining('fixes forward instead of rolling back') })]))
      expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'rollbackPlan', reason: expect.stringContaining('roll-forward plan') })]))
      expect((await app.call('GET', `/api/v1/changes/${key}`)).body.state).toBe('draft')

      const fixed = await app.call('PATCH', `/api/v1/changes/${key}`, { rollbackPlan: concretePlan, verificationSteps: ['ledger p99 write latency under 50 ms'] }, authorToken)
      expect(fixed.status).toBe(200)
      expect(fixed.body.toSubmit).toEqual([])
      expect(fixed.body.rollbackSteps.every((s: { concrete: boolean }) => s.concrete)).toBe(true)
      const submitted = await app.call('POST', `/api/v1/changes/${key}/submit`, {}, authorToken)
      expect(submitted.status).toBe(200)
      expect(submitted.body.state).toBe('submitted')
      // The author sees no approve button: the two-person rule.
      expect(submitted.body.nextActions).toEqual(['cancel', 'reopen'])
      // Next actions follow roles too: a teammate may approve, someone outside the owning teams may do nothing.
      expect((await app.call('GET', `/api/v1/changes/${key}`, undefined, reviewerToken)).body.nextActions).toEqual(['approve'])
      expect((await app.call('GET', `/api/v1/changes/${key}`, undefined, outsiderToken)).body.nextActions).toEqual([])

      const self = await app.call('POST', `/api/v1/changes/${key}/approve`, {}, authorToken)
      expect(self.status).toBe(403)
      expect(self.body.detail).toBe(`${key}: the author cannot approve their own change: ask a teammate to review it`)
      const outsider = await app.call('POST', `/api/v1/changes/${key}/approve`, {}, outsiderToken)
      expect(outsider.status).toBe(403)
      expect(outsider.body.detail).toContain('responder role on a team that owns one of its services')
      const approved = await app.call('POST', `/api/v1/changes/${key}/approve`, { comment: 'index is built concurrently, fine' }, reviewerToken)
      expect(approved.status).toBe(200)
      expect(approved.body).toMatchObject({ state: 'approved', approvals: [{ userName: 'Reviewer', scope: 'change', comment: 'index is built concurrently, fine' }] })
      expect((await app.call('POST', `/api/v1/changes/${key}/approve`, {}, reviewerToken)).status).toBe(409)
      const editAfterApproval = await app.call('PATCH', `/api/v1/changes/${key}`, { title: 'sneaky' }, authorToken)
      expect(editAfterApproval.status).toBe(409)

      const audit = await app.call('GET', `/api/v1/audit?entityType=change_request&entityId=${draft.body.id}`)
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['change_request.create', 'change_request.update', 'change_request.submit', 'change_request.approve']))
    })

    it('computes the blast radius from the live graph: a diamond, a long chain, owning teams and who is on call', async () => {
      const cr = await create({ title: 'Upgrade ledger database' })
      expect(cr.status).toBe(201)
      const radius = cr.body.blastRadius
        .map((b: { serviceName: string; distance: number }): [string, number] => [b.serviceName, b.distance])
        .sort((a: [string, number], b: [string, number]) => a[1] - b[1] || a[0].localeCompare(b[0]))
      expect(radius).toEqual([
        ['ledger-db', 0],
        ['ledger-api', 1],
        ['ledger-reports', 1],
        ['checkout', 2],
        ['storefront-1', 3],
        ['storefront-2', 4],
        ['storefront-3', 5],
        ['storefront-4', 6],
        ['storefront-5', 7],
      ])
      expect(radius.filter((r: [string, number]) => r[0] === 'checkout')).toHaveLength(1)
      const checkout = cr.body.blastRadius.find((b: { serviceName: string }) => b.serviceName === 'checkout')
      expect(checkout).toMatchObject({ teamName: 'Web', onCall: [expect.objectContaining({ userName: 'Ben' })] })
      expect(cr.body.blastRadius[0]).toMatchObject({ teamName: 'Ledger', onCall: [expect.objectContaining({ userName: 'Ana' })] })
      expect(cr.body.riskHint.because).toEqual(expect.arrayContaining(['9 services are in the blast radius']))

      // The same, live, for the form, without saving; touching the middle of the chain reaches only its tail.
      const preview = await app.call('POST', '/api/v1/changes/preview', { title: 'x', serviceIds: ['storefront-3'], rollbackPlan: { steps: ['fix forward'] } })
      expect(preview.status).toBe(200)
      expect(preview.body.blastRadius.map((b: { serviceName: string }) => b.serviceName)).toEqual(['storefront-3', 'storefront-4', 'storefront-5'])
      expect(preview.body).toMatchObject({ valid: false, hasUsableRollbackPlan: false, rollbackSteps: [{ step: 'fix forward', concrete: false, rejected: 'roll-forward' }] })
      expect(preview.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'rollbackPlan.steps[0]' })]))
    })

    it('refuses to create a dependency cycle', async () => {
      const res = await app.call('PATCH', `/api/v1/services/${svc['db']!.id}`, { dependsOn: [svc['e5']!.id] })
      expect(res.status).toBe(400)
      expect(res.body.errors[0]).toMatchObject({ field: 'dependsOn', reason: expect.stringContaining('would create a dependency cycle: ledger-db → storefront-5 → storefront-4') })
      const direct = await app.call('PATCH', `/api/v1/services/${svc['db']!.id}`, { dependsOn: [svc['b']!.id] })
      expect(direct.status).toBe(400)
      expect((await app.call('GET', `/api/v1/services/${svc['db']!.id}`)).body.dependsOn).toEqual([])
    })

    it('numbers changes consecutively, even when they are opened at the same time', async () => {
      const created = await Promise.all(Array.from({ length: 6 }, (_, i) => create({ title: `Concurrent change ${i}` })))
      expect(created.map((r) => r.status)).toEqual(Array(6).fill(201))
      const numbers = created.map((r) => r.body.number as number).sort((a, b) => a - b)
      expect(new Set(numbers).size).toBe(6)
      expect(numbers[5]! - numbers[0]!).toBe(5)
      expect((await app.call('GET', `/api/v1/changes/${numbers[0]}`)).body.key).toBe(`CR-${numbers[0]}`)
    })

    it('an emergency change may start unapproved: its review is due within a working day and a follow-up is filed; the review closes it', async () => {
      const cr = await create({ title: 'Emergency: restart ledger with more memory', type: 'emergency', worstCase, rollbackPlan: { steps: ['restore the previous memory limit (4 GiB) on ledger-db'] } })
      const key = cr.body.key as string
      expect((await app.call('POST', `/api/v1/changes/${key}/submit`, {}, authorToken)).status).toBe(200)
      const started = await app.call('POST', `/api/v1/changes/${key}/start`, {}, authorToken)
      expect(started.status).toBe(200)
      // Started Tue 10:00 Berlin: one staffed day (8 h of Mon–Fri 09:00–17:00) later is Wed 10:00.
      expect(started.body).toMatchObject({ state: 'in_progress', reviewDueAt: '2026-11-25T09:00:00.000Z', startedAt: '2026-11-24T09:00:00.000Z' })
      const open = await app.call('GET', `/api/v1/follow-ups?teamId=${team.id}`)
      const followUp = open.body.items.find((f: { kind: string; title: string }) => f.kind === 'change-review' && f.title.startsWith(`Review emergency change ${key}:`))
      expect(followUp).toBeDefined()
      expect((await app.call('POST', `/api/v1/changes/${key}/approve`, {}, authorToken)).status).toBe(403)
      const reviewed = await app.call('POST', `/api/v1/changes/${key}/approve`, { comment: 'memory bump was right' }, reviewerToken)
      expect(reviewed.status).toBe(200)
      expect(reviewed.body.state).toBe('in_progress')
      const after = await app.call('GET', `/api/v1/follow-ups?teamId=${team.id}&status=closed`)
      expect(after.body.items.map((f: { id: string }) => f.id)).toContain(followUp.id)
      const done = await app.call('POST', `/api/v1/changes/${key}/complete`, {}, authorToken)
      expect(done.body).toMatchObject({ state: 'done', finishedAt: '2026-11-24T09:00:00.000Z' })
    })

    it('validates fields on create, lists by state, and keeps comments', async () => {
      const bad = await create({ title: '', type: 'yolo', serviceIds: ['no-such-service'], risk: 'extreme' })
      expect(bad.status).toBe(400)
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['risk', 'serviceIds[0]', 'title', 'type'])
      const forbidden = await create({ title: 'Not my service' }, outsiderToken)
      expect(forbidden.status).toBe(403)
      const cr = await create({ title: 'Rotate ledger credentials' })
      const comment = await app.call('POST', `/api/v1/changes/${cr.body.key}/comments`, { body: 'Do it after the batch run' }, reviewerToken)
      expect(comment.status).toBe(201)
      expect(comment.body).toMatchObject({ userName: 'Reviewer', body: 'Do it after the batch run' })
      const shown = await app.call('GET', `/api/v1/changes/${cr.body.key}`)
      expect(shown.body.comments).toEqual([expect.objectContaining({ body: 'Do it after the batch run', userName: 'Reviewer' })])
      const cancelled = await app.call('POST', `/api/v1/changes/${cr.body.key}/cancel`, { comment: 'not needed' }, authorToken)
      expect(cancelled.body.state).toBe('cancelled')
      const list = await app.call('GET', '/api/v1/changes?state=cancelled')
      expect(list.body.items.map((c: { key: string }) => c.key)).toEqual([cr.body.key])
      expect((await app.call('GET', '/api/v1/changes?state=nope')).status).toBe(400)
      const reopened = await app.call('POST', `/api/v1/changes/${cr.body.key}/reopen`, {}, authorToken)
      expect(reopened.body.state).toBe('draft')
    })
  })
}
