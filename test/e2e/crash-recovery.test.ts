import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest'
import { openStorage, type DialectName, type Storage } from '../../src/storage/index.js'
import { ADMIN_TOKEN } from '../harness/app.js'
import { requireBuild, startTendServe, type RunningServer } from '../harness/cli.js'
import { buildPagedPerson, buildPagedService, buildTeam, pdTrigger } from '../harness/factories.js'
import { WebhookReceiver, type ReceivedRequest } from '../harness/receivers.js'
import { asFactoryApp, remoteApi, type RemoteApi } from '../harness/remote.js'
import { DIALECTS, freshDatabaseUrl } from '../harness/storage.js'
import { TcpGate } from '../harness/tcp-gate.js'

/**
 * One provider call may take this long. A message claimed for sending may be claimed again once
 * its deadline (2 × this + 5 s) has passed — the outcome of a send cut off by a crash is unknown.
 * 1 s leaves the test ample time to kill the server while the first send is still in flight.
 */
const SEND_TIMEOUT_MS = 1_000
const RESEND_AFTER_MS = 2 * SEND_TIMEOUT_MS + 5_000
/** Every wait is bounded; this covers a restart, the resend deadline and a retry backoff (≤ 18 s). */
const WAIT_MS = RESEND_AFTER_MS + 25_000

/** Every instance created, so that afterAll stops its process even if a test was cut short. */
const instances = new Set<Instance>()

/** A `tend serve` on its own data folder and database, which the test can SIGKILL and start again. */
class Instance {
  server: RunningServer | null = null
  readonly dir = mkdtempSync(join(tmpdir(), 'tend-crash-'))
  #disposed = false

  private constructor(readonly dialect: DialectName, private readonly db: { url: string; drop(): Promise<void> }) {}

  static async create(dialect: DialectName): Promise<Instance> {
    const instance = new Instance(dialect, await freshDatabaseUrl(dialect))
    instances.add(instance)
    return instance
  }

  async start(): Promise<RemoteApi> {
    this.server = await startTendServe(['--data-dir', join(this.dir, 'data'), '--database', this.db.url], {
      cwd: this.dir,
      env: { TEND_BOOTSTRAP_TOKEN: ADMIN_TOKEN, TEND_SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS), TEND_ENGINE_TICK_MS: '100', TEND_LOG_LEVEL: 'warn' },
    })
    return remoteApi(this.server.url, ADMIN_TOKEN)
  }

  async kill(): Promise<void> {
    await this.server?.stop('SIGKILL')
    this.server = null
  }

  /** Reads the database directly (the server may be dead or alive; SQLite is in WAL mode). */
  async query<T>(fn: (storage: Storage) => Promise<T>): Promise<T> {
    const storage = openStorage(this.db.url)
    try {
      return await fn(storage)
    } finally {
      await storage.close()
    }
  }

  async dispose(): Promise<void> {
    await this.server?.stop('SIGKILL')
    this.server = null
    if (this.#disposed) return
    this.#disposed = true
    instances.delete(this)
    await this.db.drop()
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** Polls `check` until it returns a value (bounded); the error names what never happened. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A team, two people paged by webhook at `hookBase`, and a service paging both at step 1. */
async function scenario(api: RemoteApi, hookBase: string) {
  const app = asFactoryApp(api)
  const team = await buildTeam(app)
  const ana = await buildPagedPerson(app, hookBase, { name: 'Ana' })
  const ben = await buildPagedPerson(app, hookBase, { name: 'Ben' })
  const svc = await buildPagedService(app, team.id, [{ targets: [{ type: 'user', id: ana.id }, { type: 'user', id: ben.id }], delayMinutes: 30 }])
  return { ana, ben, ...svc }
}

async function notificationsOf(api: RemoteApi, alertId: string): Promise<{ userId: string; status: string; attempts: number }[]> {
  const res = await api.call('GET', `/api/v1/alerts/${alertId}`)
  if (res.status !== 200) throw new Error(`GET alert: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.notifications
}

/** The deliveries that reached the receiver for one person (their contact method's path). */
const deliveriesTo = (hooks: WebhookReceiver, userId: string): ReceivedRequest[] => hooks.requests.filter((r) => r.path === `/${userId}`)

/**
 * Exactly one delivery per person as a deduplicating receiver sees it, with one key per
 * (alert, person) — the receiver's `unique()` over these people's requests.
 */
function expectOncePerPerson(expect: ExpectStatic, hooks: WebhookReceiver, alertId: string, userIds: readonly string[]): void {
  const ours = hooks.unique().filter((r) => userIds.some((u) => r.path === `/${u}`))
  expect(ours.map((r) => r.path).sort()).toEqual(userIds.map((u) => `/${u}`).sort())
  for (const r of ours) {
    expect(r.json).toMatchObject({ type: 'tend.notification', kind: 'alert', alert: { id: alertId } })
    expect(r.headers['idempotency-key']).toMatch(new RegExp(`^a:${alertId}:u:${r.path.slice(1)}:l0s0:`))
  }
}

beforeAll(() => requireBuild())
afterAll(async () => {
  for (const instance of instances) await instance.dispose()
})

/** Above the sum of the bounds inside (three starts of ≤ 30 s, waits of ≤ WAIT_MS), so the test's own errors name what was missing. */
const TEST_TIMEOUT_MS = 240_000

for (const dialect of DIALECTS) {
  // The two dialects run side by side: most of the time is spent waiting for resend deadlines.
  describe.concurrent(`${dialect}: SIGKILL between accepting an event and sending its page`, () => {
    it(
      'in flight, right after the 202, and during retry backoff: after each restart every person is paged exactly once',
      async ({ expect }) => {
        const hooks = new WebhookReceiver()
        const hookUrl = await hooks.start()
        // Scenario G's people are reached through a gate that resets every connection until it is opened.
        const gate = new TcpGate(Number(new URL(hookUrl).port))
        const gatePort = await gate.start()
        const tend = await Instance.create(dialect)
        try {
          let api = await tend.start()
          // H: the receiver takes the request and never answers, so the send is in flight at the kill.
          const h = await scenario(api, hookUrl)
          // G: the target is unreachable, so nothing can have been delivered when the kills happen.
          const g = await scenario(api, `http://127.0.0.1:${gatePort}`)
          hooks.respond = () => 'hang'
          expect((await api.call('POST', '/v2/enqueue', pdTrigger(h.key, 'Payments API 5xx above 2%'), null)).status).toBe(202)
          await hooks.waitFor(2, WAIT_MS)
          const inFlight = hooks.requests.map((r) => ({ path: r.path, key: String(r.headers['idempotency-key']) }))
          expect(inFlight.map((r) => r.path).sort()).toEqual([`/${h.ana.id}`, `/${h.ben.id}`].sort())
          const hAlert = String(hooks.requests[0]?.json.alert.id)
          expect((await api.call('POST', '/v2/enqueue', pdTrigger(g.key, 'Ledger replication stopped'), null)).status).toBe(202)

          // Crash 1: H's sends are in flight; G's event was acknowledged (202) a moment ago.
          await tend.kill()
          const afterCrash1 = await tend.query(async (st) => ({
            h: await st.db.selectFrom('notifications').select(['status', 'attempts']).where('alert_id', '=', hAlert).execute(),
            gEvents: await st.db.selectFrom('events').select(['action', 'outcome', 'alert_id']).where('service_id', '=', g.serviceId).execute(),
            gSent: await st.db.selectFrom('notifications').select('id').where('service_id', '=', g.serviceId).where('status', '=', 'sent').execute(),
          }))
          // H: both messages claimed (`sending`), outcome unknown. G: accepted means stored; nothing sent.
          expect(afterCrash1.h.map((n) => `${n.status}/${n.attempts}`)).toEqual(['sending/1', 'sending/1'])
          expect(afterCrash1.gEvents.map((e) => `${e.action}/${e.outcome}`)).toEqual(['trigger/opened'])
          expect(afterCrash1.gSent).toEqual([])
          const gAlert = String(afterCrash1.gEvents[0]?.alert_id)

          // Restart with H's receiver answering and G's target still unreachable.
          hooks.respond = () => 200
          api = await tend.start()
          // H: once the claim's deadline passes, the messages are sent again with the same keys.
          // G: the engine resumed; attempts fail and retries are scheduled (backoff). Both at once.
          const [hSent, gFailed] = await Promise.all([
            eventually('H’s messages are resent and recorded as sent', async () => {
              const ns = await notificationsOf(api, hAlert)
              return ns.length === 2 && ns.every((n) => n.status === 'sent') ? ns : undefined
            }),
            eventually('G’s attempts failed and retries are scheduled', async () => {
              const ns = (await api.call('GET', `/api/v1/alerts/${gAlert}`)).body.notifications as { status: string; attempts: number; lastError: string | null }[]
              return ns.length === 2 && ns.every((n) => n.status === 'pending' && n.attempts >= 1 && n.lastError !== null) ? ns : undefined
            }),
          ])
          expect(hSent.map((n) => n.attempts)).toEqual([2, 2])
          expect(gFailed.map((n) => n.lastError)).toEqual([expect.stringContaining('request failed'), expect.stringContaining('request failed')])
          expect(gate.refused).toBeGreaterThanOrEqual(2)

          // Crash 2: G is waiting for its retries. Then its target comes back.
          await tend.kill()
          gate.open = true
          api = await tend.start()
          const gSent = await eventually('G’s messages are recorded as sent', async () => {
            const ns = await notificationsOf(api, gAlert)
            return ns.length === 2 && ns.every((n) => n.status === 'sent') ? ns : undefined
          })
          gSent.forEach((n, i) => expect(n.attempts).toBeGreaterThan(gFailed[i]?.attempts ?? 1))

          // H: the duplicate did arrive (the scenario happened), with the same key, so it is dropped.
          for (const first of inFlight) {
            const again = deliveriesTo(hooks, first.path.slice(1))
            expect(again.map((r) => r.headers['idempotency-key'])).toEqual([first.key, first.key])
          }
          expectOncePerPerson(expect, hooks, hAlert, [h.ana.id, h.ben.id])
          // G: nothing was delivered before the crashes, so nothing is delivered twice.
          expect(deliveriesTo(hooks, g.ana.id).length + deliveriesTo(hooks, g.ben.id).length).toBe(2)
          expectOncePerPerson(expect, hooks, gAlert, [g.ana.id, g.ben.id])
          expect(hooks.requests).toHaveLength(6)

          for (const alertId of [hAlert, gAlert]) {
            const detail = (await api.call('GET', `/api/v1/alerts/${alertId}`)).body
            expect(detail.alert.status).toBe('triggered')
            // The escalation step fired once, whatever the crashes interrupted.
            expect(detail.timeline.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(1)
          }
          const hTimeline = (await api.call('GET', `/api/v1/alerts/${hAlert}`)).body.timeline as { kind: string; message: string }[]
          expect(hTimeline.filter((e) => e.kind === 'notified' && e.message.startsWith('Page delivered')).map((e) => e.message).sort()).toEqual([
            'Page delivered to Ana by webhook (attempt 2)',
            'Page delivered to Ben by webhook (attempt 2)',
          ])
        } finally {
          await tend.dispose()
          await gate.stop()
          await hooks.stop()
        }
      },
      TEST_TIMEOUT_MS,
    )
  })
}
