import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { createTend, type Tend } from '../../src/app/tend.js'
import { loadProcessConfig } from '../../src/config/process-config.js'
import type { EngineModule } from '../../src/engine/index.js'
import type { ChannelRegistry } from '../../src/domain/notify/index.js'
import { ManualClock, parseInstant } from '../../src/lib/time/index.js'
import type { DialectName } from '../../src/storage/index.js'
import { freshDatabaseUrl } from './storage.js'

export const ADMIN_TOKEN = 'tend_pat_test_admin_token_0123456789'

/** A Tend server on a fresh database, a manual clock and an admin token, for API and smoke tests. */
export interface TestApp {
  readonly tend: Tend
  readonly url: string
  readonly clock: ManualClock
  readonly dialect: DialectName
  /** Calls the API as `token` (the admin by default) and returns status and parsed body. */
  call<T = any>(method: string, path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: T; headers: Headers }>
  /** Runs engine cycles until nothing more is due now (bounded), as a ticking engine would. */
  settle(): Promise<void>
  close(): Promise<void>
}

export interface TestAppOptions {
  readonly now?: string
  readonly modules?: readonly EngineModule[]
  readonly demo?: boolean
  readonly smtpUrl?: string
  readonly sendTimeoutMs?: number
  /** Replaces the configured channels (for gateways that cannot run here, such as SMS). */
  readonly channels?: ChannelRegistry
}

export async function startTestApp(dialect: DialectName, opts: TestAppOptions = {}): Promise<TestApp> {
  const db = await freshDatabaseUrl(dialect)
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-app-'))
  const start = parseInstant(opts.now ?? '2026-11-23T10:00:00Z')
  if (start === null) throw new Error(`bad test start time ${opts.now}`)
  const clock = new ManualClock(start)
  const config = loadProcessConfig({
    flags: {
      port: '0',
      dataDir,
      databaseUrl: db.url,
      bootstrapToken: ADMIN_TOKEN,
      logLevel: 'silent',
      demo: opts.demo ?? false,
      ...(opts.smtpUrl === undefined ? {} : { smtpUrl: opts.smtpUrl }),
      ...(opts.sendTimeoutMs === undefined ? {} : { sendTimeoutMs: String(opts.sendTimeoutMs) }),
    },
    env: {},
    cwd: dataDir,
  })
  const tend = await createTend({ config, clock, logger: pino({ level: process.env['TEND_TEST_LOG'] ?? 'silent' }), autoEngine: false, shedLagMs: Number.POSITIVE_INFINITY, ...(opts.modules ? { modules: opts.modules } : {}), ...(opts.channels ? { channels: opts.channels } : {}) })
  const url = await tend.listen()
  return {
    tend,
    url,
    clock,
    dialect,
    async call(method, path, body, token = ADMIN_TOKEN) {
      const headers: Record<string, string> = {}
      if (token !== null) headers['authorization'] = `Bearer ${token}`
      if (body !== undefined) headers['content-type'] = 'application/json'
      const res = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = text === '' ? undefined : JSON.parse(text)
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed as any, headers: res.headers }
    },
    async settle() {
      for (let i = 0; i < 5; i++) await tend.engine.runOnce()
    },
    async close() {
      await tend.stop()
      await db.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
