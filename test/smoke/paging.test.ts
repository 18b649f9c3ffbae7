import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { appWithWebhooks } from '../harness/suite.js'
import { buildPagedPerson, buildPagedService, buildSchedule, buildTeam, buildUser, addMember, pdTrigger, tokenFor, weeklyLayer } from '../harness/factories.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000

for (const dialect of DIALECTS) {
  describe(`${dialect}: paging pipeline`, () => {
    // Tuesday 2026-11-24 10:00 in Berlin: working hours.
    const suite = appWithWebhooks(dialect, { now: '2026-11-24T09:00:00Z' })
    afterEach(() => {
      suite.hooks.respond = () => 200
    })

    /** A team with Ana on call (schedule) and Lead as step 2 after 5 minutes. */
    async function scenario() {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Ana' })
      const lead = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Lead' })
      await addMember(suite.app, team.id, lead.id, 'admin')
      const schedule = await buildSchedule(suite.app, team.id, [weeklyLayer([ana.id], '2026-11-02T09:00:00+01:00')])
      const svc = await buildPagedService(suite.app, team.id, [
        { targets: [{ type: 'schedule', id: schedule.id }], delayMinutes: 5 },
        { targets: [{ type: 'user', id: lead.id }], delayMinutes: 5 },
      ])
      return { team, ana, lead, schedule, ...svc }
    }
    const pagesFor = (userId: string) => suite.hooks.requests.filter((r) => r.path === `/${userId}`)

    it('accepts a PagerDuty event, pages the on-call, escalates after the delay, and stops on acknowledge', async () => {
      const s = await scenario()
      const res = await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Checkout error rate above 5%'), null)
      expect(res.status).toBe(202)
      expect(res.body).toEqual({ status: 'success', message: 'Event processed', dedup_key: expect.stringMatching(/^[0-9a-f]{32}$/) })

      await suite.app.settle()
      expect(pagesFor(s.ana.id)).toHaveLength(1)
      const page = pagesFor(s.ana.id)[0]!
      expect(page.json).toMatchObject({ type: 'tend.notification', kind: 'alert', urgency: 'high', alert: { summary: 'Checkout error rate above 5%', status: 'triggered' } })
      expect(page.headers['idempotency-key']).toBe(page.json.idempotencyKey)
      const [t, v1] = String(page.headers['x-tend-signature']).split(',')
      expect(v1).toBe(`v1=${createHmac('sha256', s.ana.signingSecret).update(`${t!.slice(2)}.${page.body}`).digest('hex')}`)
      expect(pagesFor(s.lead.id)).toHaveLength(0)

      suite.app.clock.advance(4 * MIN)
      await suite.app.settle()
      expect(pagesFor(s.lead.id)).toHaveLength(0)
      suite.app.clock.advance(1 * MIN)
      await suite.app.settle()
      expect(pagesFor(s.lead.id)).toHaveLength(1)

      // The lead acknowledges with the one-click link from their page.
      const ackUrl = new URL(pagesFor(s.lead.id)[0]!.json.links.acknowledge as string)
      const form = await fetch(`${suite.app.url}${ackUrl.pathname}`)
      expect(await form.text()).toContain('<form method="post"')
      const ack = await fetch(`${suite.app.url}${ackUrl.pathname}`, { method: 'POST' })
      expect(await ack.text()).toContain('Acknowledged as Lead')

      const alertId = page.json.alert.id as string
      const detail = await suite.app.call('GET', `/api/v1/alerts/${alertId}`)
      expect(detail.body.alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: s.lead.id, nextEscalationAt: null })
      expect(detail.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['triggered', 'escalated', 'notified', 'acknowledged']),
      )
      const before = suite.hooks.requests.length
      suite.app.clock.advance(30 * MIN)
      await suite.app.settle()
      expect(suite.hooks.requests.length).toBe(before)
    })

    it('deduplicates triggers by dedup_key and acts on acknowledge and resolve events', async () => {
      const s = await scenario()
      const first = await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Disk full', { dedup_key: 'disk-db1' }), null)
      await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Disk full', { dedup_key: 'disk-db1' }), null)
      expect(first.body.dedup_key).toBe('disk-db1')
      const open = await suite.app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}&status=open`)
      expect(open.body.items).toHaveLength(1)
      expect(open.body.items[0]).toMatchObject({ eventCount: 2, dedupKey: 'disk-db1', urgency: 'high' })
      const ack = await suite.app.call('POST', '/v2/enqueue', { routing_key: s.key, event_action: 'acknowledge', dedup_key: 'disk-db1' }, null)
      expect(ack.status).toBe(202)
      expect((await suite.app.call('GET', `/api/v1/alerts/${open.body.items[0].id}`)).body.alert.status).toBe('acknowledged')
      await suite.app.call('POST', '/v2/enqueue', { routing_key: s.key, event_action: 'resolve', dedup_key: 'disk-db1' }, null)
      const done = await suite.app.call('GET', `/api/v1/alerts/${open.body.items[0].id}`)
      expect(done.body.alert).toMatchObject({ status: 'resolved', resolvedBy: expect.stringContaining('integration:') })
      // The events were stored exactly as received.
      const events = await suite.app.tend.storage.db.selectFrom('events').select(['action', 'outcome', 'body_json']).where('service_id', '=', s.serviceId).orderBy('received_at').orderBy('id').execute()
      expect(events.map((e) => `${e.action}/${e.outcome}`)).toEqual(['trigger/opened', 'trigger/deduplicated', 'acknowledge/acknowledged', 'resolve/resolved'])
      expect(JSON.parse(events[0]!.body_json)).toMatchObject({ dedup_key: 'disk-db1', payload: { summary: 'Disk full' } })
      // A new trigger after resolution opens a new alert.
      await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Disk full', { dedup_key: 'disk-db1' }), null)
      expect((await suite.app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}`)).body.items).toHaveLength(2)
    })

    it('answers PagerDuty’s error shapes and stores nothing for invalid events', async () => {
      const s = await scenario()
      const bad = await suite.app.call('POST', '/v2/enqueue', { routing_key: s.key, event_action: 'explode', payload: { summary: '' } }, null)
      expect(bad.status).toBe(400)
      expect(bad.body).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' })
      expect(bad.body.errors).toEqual(expect.arrayContaining(["'event_action' must be one of trigger, acknowledge, resolve"]))
      const unknown = await suite.app.call('POST', '/v2/enqueue', pdTrigger('0'.repeat(32), 'x'), null)
      expect(unknown.status).toBe(400)
      expect(unknown.body.errors[0]).toContain('Invalid routing key')
      const malformed = await suite.app.call('POST', '/v2/enqueue', '{"routing_key":', null)
      expect(malformed.status).toBe(400)
      const count = await suite.app.tend.storage.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).where('service_id', '=', s.serviceId).executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(0)
    })

    it('rate-limits per integration key with a clear 429', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl)
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 0 }], { rateLimitPerMinute: 3 })
      const codes = []
      for (let i = 0; i < 4; i++) codes.push((await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, `burst ${i}`), null)).status)
      expect(codes).toEqual([202, 202, 202, 429])
      const limited = await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'again'), null)
      expect(limited.body).toMatchObject({ status: 'throttle exceeded' })
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
      suite.app.clock.advance(MIN)
      expect((await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'after a minute'), null)).status).toBe(202)
    })

    it('holds a low-urgency alert at 02:00 until 09:00 in the person’s zone, while high urgency goes at once', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl, { timeZone: 'Europe/Berlin' })
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 5 }])
      suite.app.clock.set(Date.parse('2026-11-26T01:00:00Z')) // Thursday 02:00 in Berlin
      await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Certificate expires in 20 days', { payload: { summary: 'Certificate expires in 20 days', source: 'cert-check', severity: 'warning' } }), null)
      await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Database down'), null)
      await suite.app.settle()
      const pages = () => pagesFor(ana.id).map((r) => r.json.alert.summary as string)
      expect(pages()).toEqual(['Database down'])
      suite.app.clock.set(Date.parse('2026-11-26T07:59:00Z')) // 08:59 Berlin
      await suite.app.settle()
      expect(pages()).toEqual(['Database down'])
      suite.app.clock.set(Date.parse('2026-11-26T08:00:00Z')) // 09:00 Berlin
      await suite.app.settle()
      expect(pages()).toEqual(['Database down', 'Certificate expires in 20 days'])
      const low = await suite.app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}&urgency=low`)
      const detail = await suite.app.call('GET', `/api/v1/alerts/${low.body.items[0].id}`)
      expect(detail.body.timeline.find((e: { kind: string }) => e.kind === 'notification_held').message).toContain('held until their working hours')
      suite.app.clock.set(Date.parse('2026-11-24T09:00:00Z'))
    })

    it('bundles further alerts on a service within five minutes into one follow-up', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl)
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 30 }])
      for (const summary of ['node-1 down', 'node-2 down', 'node-3 down']) {
        await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, summary), null)
        await suite.app.settle()
        suite.app.clock.advance(30_000)
      }
      expect(pagesFor(ana.id).map((r) => r.json.kind)).toEqual(['alert'])
      suite.app.clock.advance(5 * MIN)
      await suite.app.settle()
      const bundle = pagesFor(ana.id).find((r) => r.json.kind === 'bundle')
      expect(bundle?.json.subject).toContain('2 more alerts')
      expect(bundle?.json.alerts.map((a: { summary: string }) => a.summary)).toEqual(expect.arrayContaining(['node-2 down', 'node-3 down']))
      expect(pagesFor(ana.id)).toHaveLength(2)
    })

    it('in a storm fired in one engine cycle, pages once and bundles the rest into one follow-up', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl)
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 30 }])
      // More alerts than one escalation chunk holds on either engine (100 on SQLite, 250 on
      // PostgreSQL): the chunks after the first must see the first chunk's page and bundle.
      const storm = Array.from({ length: 260 }, (_, i) => `shard-${i} unreachable`)
      await Promise.all(storm.map((summary) => suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, summary), null)))
      await suite.app.settle()
      expect(pagesFor(ana.id).map((r) => r.json.kind)).toEqual(['alert'])
      suite.app.clock.advance(5 * MIN)
      await suite.app.settle()
      const bundle = pagesFor(ana.id).find((r) => r.json.kind === 'bundle')
      expect(bundle?.json.subject).toContain('259 more alerts')
      expect(pagesFor(ana.id)).toHaveLength(2)
      const bundles = await suite.app.tend.storage.db.selectFrom('notifications').select('id').where('user_id', '=', ana.id).where('kind', '=', 'bundle').execute()
      expect(bundles).toHaveLength(1)
    })

    it('fires alerts due at different steps in one cycle, each moving on as its own policy and urgency say', async () => {
      const s = await scenario()
      const alertRow = (key: string) => suite.app.tend.storage.db.selectFrom('alerts').select(['escalation_step', 'escalation_loop', 'next_escalation_at']).where('service_id', '=', s.serviceId).where('dedup_key', '=', key).executeTakeFirstOrThrow()
      // "older" has waited 5 minutes: its step 2 (Lead) comes due together with the new alerts' step 1.
      await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Replica lag', { dedup_key: 'older' }), null)
      await suite.app.settle()
      suite.app.clock.advance(5 * MIN)
      const start = suite.app.clock.now()
      await Promise.all([
        suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Checkout down', { dedup_key: 'high' }), null),
        suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Disk 80%', { dedup_key: 'low', payload: { summary: 'Disk 80%', source: 'db-1', severity: 'warning' } }), null),
      ])
      await suite.app.tend.engine.runOnce()
      expect(await alertRow('high')).toEqual({ escalation_step: 1, escalation_loop: 0, next_escalation_at: start + 5 * MIN })
      // Low urgency notifies its first step only, and never escalates.
      expect(await alertRow('low')).toEqual({ escalation_step: 0, escalation_loop: 0, next_escalation_at: null })
      // The older alert's last step fired: nothing is due after it (the policy does not repeat).
      expect(await alertRow('older')).toEqual({ escalation_step: 1, escalation_loop: 0, next_escalation_at: null })
      await suite.app.settle()
      const about = (userId: string) => pagesFor(userId).map((r) => (r.json.kind === 'alert' ? r.json.alert.summary : r.json.kind))
      expect(about(s.lead.id)).toEqual(['Replica lag'])
      // Ana's page for "Checkout down" opened a new bundle window: "Disk 80%" waits for the follow-up.
      expect(about(s.ana.id)).toEqual(['Replica lag', 'Checkout down'])
      suite.app.clock.advance(5 * MIN)
      await suite.app.settle()
      expect(about(s.lead.id)).toEqual(['Replica lag', 'Checkout down'])
      expect(about(s.ana.id)).toEqual(['Replica lag', 'Checkout down', 'bundle'])
      expect(await alertRow('high')).toEqual({ escalation_step: 1, escalation_loop: 0, next_escalation_at: null })
    })

    it('pages by the configuration as it is when a step fires: a changed policy, a renamed person, a removed rule', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Ana' })
      const bo = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Bo' })
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 5 }])
      const fire = async (summary: string) => {
        const res = await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, summary), null)
        expect(res.status).toBe(202)
        await suite.app.settle()
        return suite.hooks.requests.filter((r) => r.json?.alert?.summary === summary)
      }
      // The engine has now read (and keeps) the service, policy, Ana and her rules and methods.
      expect((await fire('Disk 91% on db-1')).map((r) => r.path)).toEqual([`/${ana.id}`])

      // Through the API: the policy now pages Bo.
      const patched = await suite.app.call('PATCH', `/api/v1/escalation-policies/${s.policyId}`, { steps: [{ targets: [{ type: 'user', id: bo.id }], delayMinutes: 5 }] })
      expect(patched.status, JSON.stringify(patched.body)).toBe(200)
      const second = await fire('Disk 95% on db-1')
      expect(second.map((r) => r.path)).toEqual([`/${bo.id}`])

      // Behind the API's back (another tool, a hand-run statement): Bo renamed in the database.
      await suite.app.tend.storage.db.updateTable('users').set({ name: 'Bo Renamed' }).where('id', '=', bo.id).execute()
      suite.app.clock.advance(10 * MIN)
      await fire('Disk 97% on db-1')
      const alerts = await suite.app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}`)
      const third = alerts.body.items.find((a: { summary: string }) => a.summary === 'Disk 97% on db-1')
      const timeline = await suite.app.call('GET', `/api/v1/alerts/${third.id}`)
      expect(timeline.body.timeline.map((e: { message: string }) => e.message).join('\n')).toContain('Notifying Bo Renamed')

      // Bo's rules removed: the next alert finds nobody to reach instead of paging from memory.
      for (const r of (await suite.app.call('GET', `/api/v1/users/${bo.id}/notification-rules`)).body.items) await suite.app.call('DELETE', `/api/v1/users/${bo.id}/notification-rules/${r.id}`)
      suite.app.clock.advance(10 * MIN)
      expect(await fire('Disk 99% on db-1')).toEqual([])
    })

    it('retries a failing webhook with backoff, dead-letters it, and pages the team admins', async () => {
      const s = await scenario()
      suite.hooks.respond = (r) => (r.path === `/${s.ana.id}` ? 503 : 200)
      await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'Queue backlog'), null)
      await suite.app.settle()
      for (let i = 0; i < 8; i++) {
        suite.app.clock.advance(15 * MIN)
        await suite.app.settle()
        if (pagesFor(s.lead.id).some((r) => String(r.json.alert?.summary ?? '').startsWith('Could not reach'))) break
      }
      expect(pagesFor(s.ana.id)).toHaveLength(6)
      const dead = await suite.app.call('GET', '/api/v1/notifications?status=dead')
      const mine = dead.body.items.find((n: { userId: string }) => n.userId === s.ana.id)
      expect(mine).toMatchObject({ attempts: 6, lastError: expect.stringContaining('HTTP 503') })
      const attempts = await suite.app.call('GET', `/api/v1/notifications/${mine.id}/attempts`)
      expect(attempts.body.items.map((a: { outcome: string }) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'failed'])
      const unreachable = pagesFor(s.lead.id).find((r) => String(r.json.alert?.summary ?? '').startsWith('Could not reach'))
      expect(unreachable?.json.alert.summary).toBe('Could not reach Ana for "Queue backlog"')
    })

    it('tells each caller of the alert detail whether they may act on the alert, and refuses an observer with the same reason', async () => {
      const team = await buildTeam(suite.app)
      const paged = await buildPagedPerson(suite.app, suite.hookUrl, { name: 'Paged Outsider' })
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: paged.id }], delayMinutes: 5 }])
      const observer = await buildUser(suite.app, { name: 'Olive Observer' })
      await addMember(suite.app, team.id, observer.id, 'observer')
      const responder = await buildUser(suite.app, { name: 'Rui Responder' })
      await addMember(suite.app, team.id, responder.id, 'responder')
      const stranger = await buildUser(suite.app, { name: 'Sam Stranger' })
      expect((await suite.app.call('POST', '/v2/enqueue', pdTrigger(s.key, 'disk full'), null)).status).toBe(202)
      await suite.app.settle()
      const alertId = (await suite.app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}`)).body.items[0].id as string

      const viewerOf = async (userId: string) => (await suite.app.call('GET', `/api/v1/alerts/${alertId}`, undefined, await tokenFor(suite.app, userId))).body.viewer
      const why = `Acting on this alert needs the responder role on the team that owns ${s.serviceName}, or to have been paged for this alert.`
      expect(await viewerOf(observer.id)).toEqual({ mayAct: false, why })
      expect(await viewerOf(stranger.id)).toEqual({ mayAct: false, why })
      expect(await viewerOf(responder.id)).toEqual({ mayAct: true, why: null })
      // Paged, though on no team: may act on this alert.
      expect(await viewerOf(paged.id)).toEqual({ mayAct: true, why: null })
      expect((await suite.app.call('GET', `/api/v1/alerts/${alertId}`)).body.viewer).toEqual({ mayAct: true, why: null })

      const refused = await suite.app.call('POST', `/api/v1/alerts/${alertId}/acknowledge`, undefined, await tokenFor(suite.app, observer.id))
      expect(refused.status).toBe(403)
      expect(refused.body.detail).toBe(`Acknowledge: ${why.slice('Acting on this alert '.length, -1)}`)
      expect((await suite.app.call('POST', `/api/v1/alerts/${alertId}/acknowledge`, undefined, await tokenFor(suite.app, paged.id))).status).toBe(200)
    })

    it('lets a support engineer page a team directly, and records the page', async () => {
      const s = await scenario()
      const res = await suite.app.call('POST', '/api/v1/alerts', { teamId: s.team.id, summary: 'Customer reports checkout failing for EU cards', details: { ticket: 'SUP-1234' } })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ origin: 'manual', urgency: 'high', serviceName: expect.stringContaining('direct pages') })
      await suite.app.settle()
      expect(pagesFor(s.ana.id).some((r) => r.json.alert?.summary === 'Customer reports checkout failing for EU cards')).toBe(true)
      const bad = await suite.app.call('POST', '/api/v1/alerts', { summary: 'nowhere' })
      expect(bad.status).toBe(400)
    })

    it('reads an Alertmanager v4 group: each alert keyed by fingerprint, resolved by a resolved notification', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl)
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 5 }], { integrationType: 'alertmanager' })
      const group = (status: string) => ({
        version: '4',
        groupKey: '{}:{alertname="HighLatency"}',
        status,
        receiver: 'tend',
        groupLabels: { alertname: 'HighLatency' },
        commonLabels: { alertname: 'HighLatency', severity: 'critical' },
        commonAnnotations: {},
        externalURL: 'http://alertmanager:9093',
        truncatedAlerts: 0,
        alerts: ['a1', 'a2'].map((fp, i) => ({ status, labels: { alertname: 'HighLatency', instance: `web-${i}`, severity: 'critical' }, annotations: { summary: `p99 latency high on web-${i}` }, startsAt: '2026-11-24T08:59:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus/graph', fingerprint: fp })),
      })
      const fired = await suite.app.call('POST', `/webhooks/alertmanager/${s.key}`, group('firing'), null)
      expect(fired.status).toBe(202)
      const alerts = (await suite.app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}`)).body.items
      expect(alerts.map((a: { dedupKey: string; summary: string }) => `${a.dedupKey}:${a.summary}`).sort()).toEqual(['a1:p99 latency high on web-0', 'a2:p99 latency high on web-1'])
      await suite.app.call('POST', `/webhooks/alertmanager/${s.key}`, group('resolved'), null)
      const after = (await suite.app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}&status=open`)).body.items
      expect(after).toEqual([])
      const notAm = await suite.app.call('POST', `/webhooks/alertmanager/${s.key}`, { hello: 'world' }, null)
      expect(notAm.status).toBe(400)
    })

    it('groups sent at once whose alerts overlap still give one alert per fingerprint, counting every event', async () => {
      const team = await buildTeam(suite.app)
      const ana = await buildPagedPerson(suite.app, suite.hookUrl)
      const s = await buildPagedService(suite.app, team.id, [{ targets: [{ type: 'user', id: ana.id }], delayMinutes: 5 }], { integrationType: 'alertmanager' })
      // 40 groups of 3 alerts over 12 fingerprints: group g holds fp(g), fp(g+1), fp(g+2), so the
      // groups' first keys (which pick their commit lane on PostgreSQL) differ while their keys overlap.
      const fp = (i: number) => `fp-${i % 12}`
      const group = (g: number) => ({
        version: '4',
        groupKey: `{}:{g="${g}"}`,
        status: 'firing',
        receiver: 'tend',
        groupLabels: {},
        commonLabels: { severity: 'critical' },
        commonAnnotations: {},
        externalURL: 'http://alertmanager:9093',
        truncatedAlerts: 0,
        alerts: [g, g + 1, g + 2].map((i) => ({ status: 'firing', labels: { alertname: 'DiskFull', instance: fp(i), severity: 'critical' }, annotations: { summary: `disk full on ${fp(i)}` }, startsAt: '2026-11-24T08:59:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus/graph', fingerprint: fp(i) })),
      })
      const answers = await Promise.all(Array.from({ length: 40 }, (_, g) => suite.app.call('POST', `/webhooks/alertmanager/${s.key}`, group(g), null)))
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 40 }, () => 202))
      const alerts = (await suite.app.call('GET', `/api/v1/alerts?serviceId=${s.serviceId}&limit=100`)).body.items as { dedupKey: string; eventCount: number }[]
      expect(alerts.map((a) => a.dedupKey).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `fp-${i}`).sort())
      expect(alerts.reduce((sum, a) => sum + a.eventCount, 0)).toBe(120)
    })
  })
}
