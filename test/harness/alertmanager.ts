import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's name for the binary first, then upstream's. */
const CANDIDATES = ['prometheus-alertmanager', 'alertmanager'] as const

let found: string | null | undefined

/** The path of an installed Alertmanager binary, or null. */
export function alertmanagerBinary(): string | null {
  if (found !== undefined) return found
  found = null
  for (const name of CANDIDATES) {
    const res = spawnSync(name, ['--version'], { stdio: 'ignore', timeout: 10_000 })
    if (res.status === 0) {
      found = name
      break
    }
  }
  return found
}

/**
 * Whether tests that need a real Alertmanager can run. CI must run them (a silent skip would
 * hide a broken intake), so there a missing binary fails; elsewhere they are skipped LOUDLY.
 */
export function requireAlertmanager(): boolean {
  if (alertmanagerBinary() !== null) return true
  const message = 'prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager)'
  if (process.env['CI'] === 'true') throw new Error(`${message}; CI requires it`)
  console.warn(`\n!!! SKIPPING Alertmanager end-to-end tests: ${message}. !!!\n`)
  return false
}

/** A port that was free a moment ago on 127.0.0.1 (for processes that cannot report the one they bound). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface AlertmanagerOptions {
  /** Where Alertmanager POSTs its webhook notifications. */
  readonly webhookUrl: string
  readonly sendResolved?: boolean
  /** `['...']` disables grouping (each alert its own group); default: one group for everything. */
  readonly groupBy?: readonly string[]
  readonly groupWait?: string
  readonly groupInterval?: string
  readonly repeatInterval?: string
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error'
}

/** An Alertmanager label set plus annotations, as its v2 API takes them. */
export interface AmAlert {
  readonly labels: Record<string, string>
  readonly annotations?: Record<string, string>
  readonly startsAt?: string
  readonly endsAt?: string
  readonly generatorURL?: string
}

export interface RunningAlertmanager {
  readonly url: string
  readonly pid: number
  readonly child: ChildProcess
  /** POSTs alerts to the real v2 API (`/api/v2/alerts`); throws unless it answers 200. */
  post(alerts: readonly AmAlert[]): Promise<void>
  /** Alertmanager's own stderr/stdout so far, for failure messages. */
  output(): string
  /** SIGTERM, then SIGKILL after 5 s; removes the storage folder. */
  stop(): Promise<void>
}

/**
 * Starts a real Alertmanager on 127.0.0.1 with a fresh storage folder, clustering off, and one
 * webhook receiver; resolves once `/-/ready` answers (bounded by 20 s).
 */
export async function startAlertmanager(opts: AlertmanagerOptions): Promise<RunningAlertmanager> {
  const bin = alertmanagerBinary()
  if (bin === null) throw new Error('prometheus-alertmanager is not installed')
  const dir = mkdtempSync(join(tmpdir(), 'tend-am-'))
  const groupBy = opts.groupBy === undefined ? '' : `\n  group_by: [${opts.groupBy.map((g) => `'${g}'`).join(', ')}]`
  const config = `route:
  receiver: tend${groupBy}
  group_wait: ${opts.groupWait ?? '0s'}
  group_interval: ${opts.groupInterval ?? '1s'}
  repeat_interval: ${opts.repeatInterval ?? '1h'}
receivers:
  - name: tend
    webhook_configs:
      - url: '${opts.webhookUrl}'
        send_resolved: ${opts.sendResolved ?? true}
`
  writeFileSync(join(dir, 'alertmanager.yml'), config)
  // The port is chosen here because Alertmanager does not report the one it bound; a lost race
  // (someone took the port meanwhile) shows up as an early exit and is retried.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const child = spawn(
      bin,
      [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
        `--log.level=${opts.logLevel ?? 'warn'}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)))
    child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)))
    const url = `http://127.0.0.1:${port}`
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(timer)
      }
    }
    const state = await waitReady(url, child, 20_000)
    if (state !== 'ready') {
      await stop()
      if (state === 'exited' && attempt < 3) continue
      rmSync(dir, { recursive: true, force: true })
      throw new Error(`Alertmanager did not become ready on ${url}:\n${out}`)
    }
    if (child.pid === undefined) throw new Error('Alertmanager has no pid')
    return {
      url,
      pid: child.pid,
      child,
      output: () => out,
      async post(alerts) {
        const res = await fetch(`${url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts), signal: AbortSignal.timeout(10_000) })
        if (res.status !== 200) throw new Error(`Alertmanager answered ${res.status}: ${await res.text()}`)
        await res.arrayBuffer().catch(() => undefined)
      },
      async stop() {
        await stop()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return 'exited'
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) })
      await res.arrayBuffer()
      if (res.status === 200) return 'ready'
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return 'timeout'
}
