import { afterAll, beforeAll, expect } from 'vitest'
import type { DialectName } from '../../src/storage/index.js'
import { startTestApp, type TestApp } from './app.js'
import { buildPagedPerson, buildPagedService, buildTeam } from './factories.js'
import { WebhookReceiver, type ReceivedRequest } from './receivers.js'

const MIN = 60_000

/**
 * The world the alarm tests page into: a test app at `now`, one person paged by webhook on a
 * team, and helpers to make services that page them and to read what reached them. Registers
 * its own beforeAll/afterAll; read the fields inside tests (they are set once the app is up).
 */
export interface PagedWorld {
  readonly app: TestApp
  readonly hooks: WebhookReceiver
  readonly person: { readonly id: string }
  readonly teamId: string
  /** A fresh service paging the person, so pages of one test never bundle with another's. */
  service(): Promise<string>
  /** Messages that reached the person about alerts whose summary contains `text`. */
  messagesAbout(text: string): ReceivedRequest[]
}

export function usePagedWorld(dialect: DialectName, now: string): PagedWorld {
  let app: TestApp | undefined
  let hooks: WebhookReceiver | undefined
  let person: { id: string } | undefined
  let teamId = ''
  beforeAll(async () => {
    hooks = new WebhookReceiver()
    const hookUrl = await hooks.start()
    app = await startTestApp(dialect, { now })
    teamId = (await buildTeam(app)).id
    person = await buildPagedPerson(app, hookUrl)
    await app.settle()
  })
  afterAll(async () => {
    await app?.close()
    await hooks?.stop()
  })
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: the test app did not start`)
    return value
  }
  const world: PagedWorld = {
    get app() {
      return need(app, 'the app')
    },
    get hooks() {
      return need(hooks, 'the webhook receiver')
    },
    get person() {
      return need(person, 'the paged person')
    },
    get teamId() {
      return teamId
    },
    service: async () => (await buildPagedService(world.app, teamId, [{ targets: [{ type: 'user', id: world.person.id }], delayMinutes: 5 }])).serviceId,
    messagesAbout: (text) => world.hooks.requests.filter((r) => r.path === `/${world.person.id}` && String(r.json?.alert?.summary ?? '').includes(text)),
  }
  return world
}

/** Helpers for threshold alarms fed one datapoint per minute, with the engine run by the test. */
export function thresholdAlarmHelpers(world: PagedWorld) {
  /** Two engine cycles: the alarm is evaluated, its alert escalated and the page sent in the first. */
  const tick = async () => {
    await world.app.tend.engine.runOnce()
    await world.app.tend.engine.runOnce()
  }
  const push = async (name: string, value: number, labels: Record<string, string> = {}) => {
    const res = await world.app.call('POST', '/api/v1/metrics', { datapoints: [{ name, labels, value, timestamp: new Date(world.app.clock.now() + 1000).toISOString() }] })
    expect(res.status).toBe(202)
  }
  return {
    tick,
    push,
    alignToMinute: () => world.app.clock.advance(MIN - (world.app.clock.now() % MIN)),
    async alarm(serviceId: string, body: Record<string, unknown>): Promise<string> {
      const res = await world.app.call('POST', `/api/v1/services/${serviceId}/alarms`, body)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.id as string
    },
    get: async (id: string) => (await world.app.call('GET', `/api/v1/alarms/${id}`)).body,
    /** One period: a datapoint in the current minute, then the minute ends and the engine runs. */
    async period(name: string, value: number): Promise<void> {
      await push(name, value)
      world.app.clock.advance(MIN)
      await tick()
    },
  }
}
