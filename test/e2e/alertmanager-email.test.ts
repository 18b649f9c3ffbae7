import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireAlertmanager, startAlertmanager, type AmAlert, type RunningAlertmanager } from '../harness/alertmanager.js'
import { startTestApp, type TestApp } from '../harness/app.js'
import { buildPagedService, buildTeam, buildUser } from '../harness/factories.js'
import { SmtpSink } from '../harness/receivers.js'
import { DIALECTS } from '../harness/storage.js'

const MIN = 60_000
const HAVE_AM = requireAlertmanager()
/** Alertmanager runs on real time; every wait inside is bounded on its own, well below this. */
const TEST_TIMEOUT_MS = 120_000

/** Polls `check` until it returns a value (bounded); the error names what never happened. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

for (const dialect of DIALECTS) {
  describe.skipIf(!HAVE_AM)(`${dialect}: a real Alertmanager pages by email, escalates, and stops on the email's acknowledge link`, () => {
    let app: TestApp
    let smtp: SmtpSink
    let am: RunningAlertmanager | undefined

    beforeAll(async () => {
      smtp = new SmtpSink()
      const smtpUrl = await smtp.start()
      // Tuesday 2026-11-24 10:00 in Berlin: working hours, though high urgency would page anyway.
      app = await startTestApp(dialect, { smtpUrl, now: '2026-11-24T09:00:00Z' })
    })
    afterAll(async () => {
      await am?.stop()
      await app?.close()
      await smtp?.stop()
    })

    /** A person reachable by their (verified) work email only, as users are created. */
    async function emailPerson(name: string) {
      const user = await buildUser(app, { name })
      const methods = (await app.call('GET', `/api/v1/users/${user.id}/contact-methods`)).body.items as { id: string; type: string; verified: boolean }[]
      const email = methods.find((m) => m.type === 'email')
      if (email === undefined) throw new Error(`${name} has no email method`)
      expect(email.verified).toBe(false)
      const verified = await app.call('POST', `/api/v1/users/${user.id}/contact-methods/${email.id}/mark-verified`)
      expect(verified.status).toBe(204)
      const rules = (await app.call('GET', `/api/v1/users/${user.id}/notification-rules`)).body.items as { contactMethodId: string; urgency: string }[]
      expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ contactMethodId: email.id, urgency: 'high' })]))
      return user
    }

    const text = (m: ParsedMail) => m.text ?? ''
    const ackLinkOf = (m: ParsedMail) => {
      const link = /^Acknowledge: (\S+)$/m.exec(text(m))?.[1]
      if (link === undefined) throw new Error(`no acknowledge link in:\n${text(m)}`)
      // The link's origin is the app's public URL (port 0 in the harness); the path is what is signed.
      return `${app.url}${new URL(link).pathname}`
    }

    it('fires → email to step 1 → no ack → email to step 2 after the delay → ack by link → no more emails → AM resolves it', async () => {
      const team = await buildTeam(app)
      const ana = await emailPerson('Ana Email')
      const ben = await emailPerson('Ben Email')
      // Without an acknowledgement the policy would start over (repeatCount 1): stopping is observable.
      const svc = await buildPagedService(
        app,
        team.id,
        [
          { targets: [{ type: 'user', id: ana.id }], delayMinutes: 5 },
          { targets: [{ type: 'user', id: ben.id }], delayMinutes: 5 },
        ],
        { integrationType: 'alertmanager', repeatCount: 1 },
      )
      am = await startAlertmanager({ webhookUrl: `${app.url}/webhooks/alertmanager/${svc.key}`, sendResolved: true, groupWait: '0s', groupInterval: '1s', repeatInterval: '1h' })

      // A minute ago, so the resolving post below can end it in the past and still after its start.
      const startsAt = new Date(Date.now() - MIN).toISOString()
      const fired: AmAlert = {
        labels: { alertname: 'DiskAlmostFull', instance: 'db-1:9100', job: 'node', severity: 'critical' },
        annotations: { summary: 'Disk /var/lib/postgresql is 97% full on db-1' },
        startsAt,
        generatorURL: 'http://prometheus.example/graph?g0.expr=disk',
      }
      await am.post([fired])

      // Alertmanager delivers on its own schedule (real time): wait until Tend has the alert.
      const alert = await eventually('Tend has the alert from Alertmanager', async () => {
        const items = (await app.call('GET', `/api/v1/alerts?serviceId=${svc.serviceId}`)).body.items as { id: string }[]
        return items[0]
      })
      const detail0 = (await app.call('GET', `/api/v1/alerts/${alert.id}`)).body
      expect(detail0.alert).toMatchObject({
        status: 'triggered',
        urgency: 'high',
        severity: 'critical',
        summary: 'Disk /var/lib/postgresql is 97% full on db-1',
        source: 'db-1:9100',
        class: 'DiskAlmostFull',
        dedupKey: expect.stringMatching(/^[0-9a-f]{16}$/),
      })
      expect(detail0.alert.links).toEqual(expect.arrayContaining([{ href: 'http://prometheus.example/graph?g0.expr=disk', text: 'Source (Prometheus)' }]))

      // Step 1: Ana is emailed, Ben is not.
      await app.settle()
      await smtp.waitFor(1)
      expect(smtp.to(ana.email)).toHaveLength(1)
      expect(smtp.to(ben.email)).toHaveLength(0)
      const first = smtp.to(ana.email)[0]!
      expect(first.subject).toBe(`[HIGH] ${svc.serviceName}: Disk /var/lib/postgresql is 97% full on db-1`)
      expect(text(first)).toContain(`step 1 of`)
      expect(first.headers.get('x-tend-idempotency-key')).toMatch(new RegExp(`^a:${alert.id}:u:${ana.id}:l0s0:`))
      expect(ackLinkOf(first)).toMatch(/\/a\/[\w-]+\.[\w-]+$/)

      // No acknowledgement: one minute short of the delay nothing more happens; at the delay Ben is emailed.
      app.clock.advance(4 * MIN)
      await app.settle()
      expect(smtp.messages).toHaveLength(1)
      app.clock.advance(1 * MIN)
      await app.settle()
      await smtp.waitFor(2)
      expect(smtp.to(ben.email)).toHaveLength(1)
      expect(smtp.to(ana.email)).toHaveLength(1)
      const second = smtp.to(ben.email)[0]!
      expect(text(second)).toContain('step 2 of')

      // Ben acknowledges with the signed link in his email. GET only shows a self-submitting form.
      const link = ackLinkOf(second)
      const form = await fetch(link)
      expect(form.status).toBe(200)
      expect(await form.text()).toContain('<form method="post"')
      expect((await app.call('GET', `/api/v1/alerts/${alert.id}`)).body.alert.status).toBe('triggered')
      const ack = await fetch(link, { method: 'POST' })
      expect(ack.status).toBe(200)
      expect(await ack.text()).toContain('Acknowledged as Ben Email')

      const acked = (await app.call('GET', `/api/v1/alerts/${alert.id}`)).body
      expect(acked.alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: ben.id, nextEscalationAt: null })

      // Escalation stopped: well past the point where step 1 would have fired again, no new email.
      for (let i = 0; i < 6; i++) {
        app.clock.advance(5 * MIN)
        await app.settle()
      }
      expect(smtp.messages).toHaveLength(2)

      const timeline = (await app.call('GET', `/api/v1/alerts/${alert.id}`)).body.timeline as { kind: string; message: string; actor: string }[]
      const story = timeline.filter((e) => ['triggered', 'escalated', 'acknowledged', 'escalation_exhausted'].includes(e.kind)).map((e) => e.kind)
      expect(story).toEqual(['triggered', 'escalated', 'escalated', 'acknowledged'])
      expect(timeline.filter((e) => e.kind === 'escalated').map((e) => e.message)).toEqual([expect.stringContaining('step 1 of'), expect.stringContaining('step 2 of')])
      const delivered = timeline.filter((e) => e.kind === 'notified' && e.message.startsWith('Page delivered')).map((e) => e.message)
      expect(delivered).toEqual(['Page delivered to Ana Email by email', 'Page delivered to Ben Email by email'])
      expect(timeline.find((e) => e.kind === 'acknowledged')?.actor).toBe(`${ben.email} (link in notification)`)
      expect(timeline.at(-1)?.kind).toBe('acknowledged')

      // The condition clears: Alertmanager sends `resolved` (send_resolved), and Tend resolves the alert.
      await am.post([{ ...fired, endsAt: new Date(Date.now() - 1_000).toISOString() }])
      const resolved = await eventually('Alertmanager’s resolved notification resolved the Tend alert', async () => {
        const a = (await app.call('GET', `/api/v1/alerts/${alert.id}`)).body.alert
        return a.status === 'resolved' ? a : undefined
      })
      expect(resolved.resolvedBy).toContain('integration:')
      const events = await app.tend.storage.db.selectFrom('events').select(['source_type', 'action', 'outcome']).where('service_id', '=', svc.serviceId).orderBy('received_at').orderBy('id').execute()
      expect(events.map((e) => `${e.source_type}/${e.action}/${e.outcome}`)).toEqual(['alertmanager/trigger/opened', 'alertmanager/resolve/resolved'])
      await app.settle()
      expect(smtp.messages).toHaveLength(2)
    }, TEST_TIMEOUT_MS)
  })
}
