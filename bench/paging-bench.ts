/**
 * Benchmark: the paging pipeline under load, Tend (SQLite and PostgreSQL, as real `tend serve`
 * processes on the real clock) side by side with Prometheus Alertmanager when it is installed.
 *
 * For each target:
 * - saturation: a closed loop of 64 concurrent POSTs of distinct events (2 s warm-up, 8 s
 *   measured): accepted events/s and ack (HTTP answer) p50/p99;
 * - 1,000 events/s: an open loop, 2 s warm-up then 10 s measured; every 50th event is a probe,
 *   and event → webhook latency is the probe's webhook arrival minus its POST start (one clock,
 *   matched by key), reported for the measured probes and, apart, for the warm-up's;
 * - Tend only, shedding: past a rate limit and past capacity, every request gets an answer
 *   (202, 429 or 503) — the codes are counted, and timeouts would show;
 * - Tend only, per phase: CPU cores used, and write system calls and KB per event (/proc).
 * A round runs phase by phase (every target's saturation, then every target's paced run),
 * Alertmanager between the two Tend engines, so the runs each ratio compares are close in time.
 *
 * Run with `npm run bench paging` (after building) or `npx tsx bench/paging-bench.ts`.
 * Environment: TEND_BENCH_TARGETS=sqlite,postgres,alertmanager (default all available);
 * TEND_BENCH_PHASES=saturation,paced (default both; paced includes the shedding checks);
 * TEND_BENCH_ROUNDS=n (1–5, default 1) repeats the whole comparison and reports the ratios of
 * every round, their medians and in how many rounds each goal was met;
 * TEND_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each Tend process there.
 */
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { openStorage } from '../src/storage/index.js'
import { alertmanagerBinary, startAlertmanager, type RunningAlertmanager } from '../test/harness/alertmanager.js'
import { closedLoop, epochMs, openLoop, type LoadTarget } from './lib/http-load.js'
import { ratio, summarize } from './lib/stats.js'
import { pdEvent, setupTendScenario } from './lib/tend-scenario.js'
import { BENCH_TOKEN, postgresReachable, procCpuMs, profilingNodeArgs, startTend, type ProcWrites, type TendProcess } from './lib/tend-process.js'
import { WebhookSink, type SinkSnapshot } from './lib/webhook-sink.js'
import { cpuPressure, fsyncRate } from './lib/machine.js'

const SATURATION = { concurrency: 64, warmupMs: 2_000, durationMs: 8_000, maxRequests: 400_000, timeoutMs: 10_000 }
/**
 * The paced run: a warm-up at the same rate, then the measured part. Like saturation's warm-up,
 * it keeps a fresh process's first second (code not yet optimized, a new database without
 * statistics) out of the steady-state figures; its probes are reported on their own
 * (`e2e_ms_warmup`), so a slow start stays visible.
 */
const PACED = { ratePerSec: 1_000, warmupMs: 2_000, durationMs: 10_000, maxInFlight: 64, timeoutMs: 10_000 }
/** Every PROBE_EVERY-th paced event is a probe: 200 probes in the measured 10 s, like the reference's 200. */
const PROBE_EVERY = 50
const WARMUP_PROBES = Math.floor((PACED.ratePerSec * PACED.warmupMs) / 1000 / PROBE_EVERY)
const PROBES = WARMUP_PROBES + Math.floor((PACED.ratePerSec * PACED.durationMs) / 1000 / PROBE_EVERY)
/** The open loop of a paced run: warm-up and measured part in one go. */
const PACED_LOOP = { ratePerSec: PACED.ratePerSec, durationMs: PACED.warmupMs + PACED.durationMs, maxInFlight: PACED.maxInFlight, timeoutMs: PACED.timeoutMs }
/** Bounds on waiting for notifications after the load ends. */
const PROBE_WAIT_MS = 15_000
const DRAIN_MAX_MS = 30_000
/** A sender's patience in the shedding checks: an answer later than this counts as a timeout. */
const CLIENT_TIMEOUT_MS = 5_000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const benchStart = Date.now()
/** Progress on stderr, so stdout stays one JSON document. */
const progress = (what: string) => process.stderr.write(`[paging bench +${((Date.now() - benchStart) / 1000).toFixed(1)} s] ${what}\n`)
const isProbe = (i: number) => i % PROBE_EVERY === PROBE_EVERY / 2
const probeIndex = (i: number) => (i - PROBE_EVERY / 2) / PROBE_EVERY

type Figures = Record<string, unknown>

/**
 * Event → webhook latencies of the probes that arrived, from their POST starts: those sent in the
 * warm-up and those after it apart, with how many of each arrived.
 */
async function probeLatencies(sink: WebhookSink, starts: ReadonlyMap<number, number>): Promise<{ warmup: number[]; measured: number[]; delivered: string; snapshot: SinkSnapshot }> {
  const deadline = epochMs() + PROBE_WAIT_MS
  let snapshot = await sink.snapshot()
  while (Object.keys(snapshot.probes).length < starts.size && epochMs() < deadline) {
    await sleep(100)
    snapshot = await sink.snapshot()
  }
  const warmup: number[] = []
  const measured: number[] = []
  for (const [j, start] of starts) {
    const at = snapshot.probes[`probe-${j}`]
    if (at !== undefined) (j < WARMUP_PROBES ? warmup : measured).push(at - start)
  }
  const sent = (inWarmup: boolean) => [...starts.keys()].filter((j) => (j < WARMUP_PROBES) === inWarmup).length
  return { warmup, measured, delivered: `${measured.length}/${sent(false)} (warm-up ${warmup.length}/${sent(true)})`, snapshot }
}

/** Write system calls and KB handed to them per accepted event between two readings (null off Linux or with none accepted). */
function writesPerEvent(before: ProcWrites | null, after: ProcWrites | null, events: number): Figures | null {
  if (before === null || after === null || events <= 0) return null
  return { calls: Math.round(((after.calls - before.calls) / events) * 100) / 100, kb: Math.round(((after.bytes - before.bytes) / 1024 / events) * 100) / 100 }
}

function cpuCores(before: number, after: number, wallMs: number): number {
  return Math.round(((after - before) / wallMs) * 100) / 100
}

// ---------------------------------------------------------------------------------------------
// Tend

interface Backlog {
  readonly dueEscalations: number
  readonly dueMessages: number
  readonly alerts: number
}

/** Reads the due work left in Tend's database: escalations due, and messages due or in flight. */
function openBacklog(databaseUrl: string): { read(): Promise<Backlog>; close(): Promise<void> } {
  const storage = openStorage(databaseUrl)
  const n = (row: { n: unknown } | undefined) => Number(row?.n ?? 0)
  return {
    async read() {
      const now = Date.now()
      const dueEscalations = n(await storage.db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'triggered').where('next_escalation_at', '<=', now).executeTakeFirst())
      const dueMessages = n(
        await storage.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]), eb('status', '=', 'sending')]))
          .executeTakeFirst(),
      )
      const alerts = n(await storage.db.selectFrom('alerts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())
      return { dueEscalations, dueMessages, alerts }
    },
    close: () => storage.close(),
  }
}

async function withTend<T>(dialect: 'sqlite' | 'postgres', fn: (tend: TendProcess) => Promise<T>): Promise<T> {
  const tend = await startTend(dialect, { nodeArgs: profilingNodeArgs() })
  try {
    return await fn(tend)
  } finally {
    await tend.stop()
  }
}

async function tendSaturation(dialect: 'sqlite' | 'postgres', sink: WebhookSink): Promise<Figures> {
  return withTend(dialect, async (tend) => {
    const scenario = await setupTendScenario(tend.url, BENCH_TOKEN, sink.url, 0)
    progress(`tend ${dialect}: saturation`)
    const target: LoadTarget = { url: `${tend.url}/v2/enqueue`, body: (i) => pdEvent(scenario.loadKey, `sat-${i}`) }
    const cpu0 = tend.cpuMs()
    const writes0 = tend.writes()
    const t0 = epochMs()
    const load = await closedLoop(target, SATURATION)
    const loadEnd = epochMs()
    const cpu1 = tend.cpuMs()
    const writes1 = tend.writes()
    // The engine pages after the 202; how long until everything accepted has been escalated?
    progress(`tend ${dialect}: waiting for the escalation backlog`)
    const backlog = openBacklog(tend.databaseUrl)
    let left = await backlog.read()
    const drainStart = epochMs()
    while (left.dueEscalations + left.dueMessages > 0 && epochMs() - drainStart < DRAIN_MAX_MS) {
      await sleep(200)
      left = await backlog.read()
    }
    const drainMs = epochMs() - loadEnd
    await backlog.close()
    return {
      accepted_per_s: load.acceptedPerSec,
      ack_ms: summarize(load.ackMs),
      codes: load.codes,
      accepted_total: load.acceptedTotal,
      alerts_stored: left.alerts,
      tend_cpu_cores: cpuCores(cpu0, cpu1, loadEnd - t0),
      tend_writes_per_event: writesPerEvent(writes0, writes1, load.acceptedTotal),
      escalation_backlog_left: left.dueEscalations + left.dueMessages,
      escalation_drained_ms_after_load: left.dueEscalations + left.dueMessages === 0 ? Math.round(drainMs) : null,
    }
  })
}

async function tendPaced(dialect: 'sqlite' | 'postgres', sink: WebhookSink, saturationRate: number): Promise<{ paced: Figures; shedding: Figures }> {
  return withTend(dialect, async (tend) => {
    progress(`tend ${dialect}: setting up ${PROBES} probe services`)
    const scenario = await setupTendScenario(tend.url, BENCH_TOKEN, sink.url, PROBES)
    progress(`tend ${dialect}: ${PACED.ratePerSec} events/s`)
    await sleep(500)
    await sink.reset()
    const starts = new Map<number, number>()
    const target: LoadTarget = {
      url: `${tend.url}/v2/enqueue`,
      body: (i) => (isProbe(i) ? pdEvent(scenario.probeKeys[probeIndex(i)] ?? '', `probe-${probeIndex(i)}`) : pdEvent(scenario.loadKey, `load-${i}`)),
    }
    const cpu0 = tend.cpuMs()
    const writes0 = tend.writes()
    const t0 = epochMs()
    const load = await openLoop(target, { ...PACED_LOOP, onStart: (i, at) => (isProbe(i) ? starts.set(probeIndex(i), at) : undefined) })
    const cpu1 = tend.cpuMs()
    const writes1 = tend.writes()
    const wall = epochMs() - t0
    progress(`tend ${dialect}: waiting for probes`)
    const probes = await probeLatencies(sink, starts)
    const paced = {
      offered_per_s: PACED.ratePerSec,
      accepted_per_s: load.acceptedPerSec,
      ack_ms: summarize(load.ackMs),
      e2e_ms: summarize(probes.measured),
      e2e_ms_warmup: summarize(probes.warmup),
      probes_delivered: probes.delivered,
      codes: load.codes,
      late_sends: load.late,
      not_sent: load.notSent,
      tend_cpu_cores: cpuCores(cpu0, cpu1, wall),
      tend_writes_per_event: writesPerEvent(writes0, writes1, load.codes['202'] ?? 0),
    }

    progress(`tend ${dialect}: shedding`)
    // Shedding 1: an integration over its rate limit is told 429 with Retry-After, at once.
    const limited = await openLoop({ url: `${tend.url}/v2/enqueue`, body: (i) => pdEvent(scenario.limitedKey, `limited-${i}`) }, { ratePerSec: 2_000, durationMs: 1_500, maxInFlight: 64, timeoutMs: CLIENT_TIMEOUT_MS })
    // Shedding 2: past capacity (twice the saturation rate, open loop): every request must still
    // get an answer — accepted, or 429/503 — and none may time out or be dropped.
    const floodRate = Math.max(2_000, Math.round(saturationRate * 2))
    const flood = await openLoop({ url: `${tend.url}/v2/enqueue`, body: (i) => pdEvent(scenario.loadKey, `flood-${i}`) }, { ratePerSec: floodRate, durationMs: 2_000, maxInFlight: 64, timeoutMs: CLIENT_TIMEOUT_MS })
    const shedding = {
      client_timeout_ms: CLIENT_TIMEOUT_MS,
      over_rate_limit: { limit_per_minute: scenario.limitedPerMinute, offered_per_s: 2_000, codes: limited.codes, ack_ms: summarize(limited.ackMs) },
      over_capacity: { offered_per_s: floodRate, max_in_flight: 64, codes: flood.codes, accepted_per_s: flood.acceptedPerSec, late_sends: flood.late, not_sent: flood.notSent, ack_ms: summarize(flood.ackMs) },
      silent: Object.entries({ ...limited.codes, ...flood.codes }).filter(([code]) => code === 'timeout' || code.startsWith('error')).length > 0,
    }
    return { paced, shedding }
  })
}

const PHASES = (process.env['TEND_BENCH_PHASES'] ?? 'saturation,paced').split(',').map((s) => s.trim())

// ---------------------------------------------------------------------------------------------
// Alertmanager

const AM_SUMMARY = 'Checkout latency p99 above 800 ms for 5 minutes on the payments API (region eu-west-1, canary and main fleet); see the runbook'

function amAlert(instance: string, probe?: string): string {
  return JSON.stringify([
    {
      labels: { alertname: 'CheckoutLatencyHigh', instance, job: 'payments-api', severity: 'critical', ...(probe === undefined ? {} : { probe }) },
      annotations: { summary: AM_SUMMARY },
      generatorURL: 'http://prometheus.example:9090/graph?g0.expr=histogram_quantile',
    },
  ])
}

async function withAlertmanager<T>(sink: WebhookSink, fn: (am: RunningAlertmanager) => Promise<T>): Promise<T> {
  // The reference configuration: no grouping, so every alert is notified on its own.
  const am = await startAlertmanager({ webhookUrl: `${sink.url}/am`, sendResolved: false, groupBy: ['...'], groupWait: '0s', groupInterval: '1s', repeatInterval: '1h', logLevel: 'error' })
  try {
    return await fn(am)
  } finally {
    await am.stop()
  }
}

function amSaturation(sink: WebhookSink): Promise<Figures> {
  return withAlertmanager(sink, async (am) => {
    progress('alertmanager: saturation')
    await sink.reset()
    const cpu0 = procCpuMs(am.pid)
    const t0 = epochMs()
    const load = await closedLoop({ url: `${am.url}/api/v2/alerts`, body: (i) => amAlert(`sat-${i}`) }, SATURATION)
    const loadEnd = epochMs()
    const cpu1 = procCpuMs(am.pid)
    // Alertmanager notifies after answering; wait until every accepted alert reached the sink.
    let snap = await sink.snapshot()
    while (snap.alerts < load.acceptedTotal && epochMs() - loadEnd < DRAIN_MAX_MS) {
      await sleep(200)
      snap = await sink.snapshot()
    }
    return {
      accepted_per_s: load.acceptedPerSec,
      ack_ms: summarize(load.ackMs),
      codes: load.codes,
      accepted_total: load.acceptedTotal,
      alerts_notified: snap.alerts,
      am_cpu_cores: cpuCores(cpu0, cpu1, loadEnd - t0),
      last_webhook_ms_after_load: snap.lastAt > 0 ? Math.round(snap.lastAt - loadEnd) : null,
    }
  })
}

function amPaced(sink: WebhookSink): Promise<Figures> {
  return withAlertmanager(sink, async (am) => {
    progress(`alertmanager: ${PACED.ratePerSec} events/s`)
    await sink.reset()
    const starts = new Map<number, number>()
    const target: LoadTarget = { url: `${am.url}/api/v2/alerts`, body: (i) => (isProbe(i) ? amAlert(`probe-${probeIndex(i)}`, `probe-${probeIndex(i)}`) : amAlert(`load-${i}`)) }
    const cpu0 = procCpuMs(am.pid)
    const t0 = epochMs()
    const load = await openLoop(target, { ...PACED_LOOP, onStart: (i, at) => (isProbe(i) ? starts.set(probeIndex(i), at) : undefined) })
    const cpu1 = procCpuMs(am.pid)
    const wall = epochMs() - t0
    const probes = await probeLatencies(sink, starts)
    return {
      offered_per_s: PACED.ratePerSec,
      accepted_per_s: load.acceptedPerSec,
      ack_ms: summarize(load.ackMs),
      e2e_ms: summarize(probes.measured),
      e2e_ms_warmup: summarize(probes.warmup),
      probes_delivered: probes.delivered,
      codes: load.codes,
      late_sends: load.late,
      not_sent: load.notSent,
      am_cpu_cores: cpuCores(cpu0, cpu1, wall),
    }
  })
}

// ---------------------------------------------------------------------------------------------

type Num = number | null
const get = (f: Figures | undefined, ...path: string[]): Num => {
  let v: unknown = f
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined
  return typeof v === 'number' ? v : null
}

function compare(tend: Figures | undefined, am: Figures | undefined, goal: { rate: number; p99: number }): Figures | null {
  if (tend === undefined || am === undefined) return null
  const rate = ratio(get(tend, 'saturation', 'accepted_per_s'), get(am, 'saturation', 'accepted_per_s'))
  const e2eP99 = ratio(get(tend, 'at_1000_per_s', 'e2e_ms', 'p99'), get(am, 'at_1000_per_s', 'e2e_ms', 'p99'))
  const ackP99 = ratio(get(tend, 'at_1000_per_s', 'ack_ms', 'p99'), get(am, 'at_1000_per_s', 'ack_ms', 'p99'))
  return {
    accepted_rate_vs_am: rate,
    e2e_p50_vs_am: ratio(get(tend, 'at_1000_per_s', 'e2e_ms', 'p50'), get(am, 'at_1000_per_s', 'e2e_ms', 'p50')),
    e2e_p99_vs_am: e2eP99,
    // Not a goal, shown so that a slow start is not hidden by the warm-up: the first seconds' probes.
    e2e_p99_warmup_vs_am: ratio(get(tend, 'at_1000_per_s', 'e2e_ms_warmup', 'p99'), get(am, 'at_1000_per_s', 'e2e_ms_warmup', 'p99')),
    ack_p50_at_1000_vs_am: ratio(get(tend, 'at_1000_per_s', 'ack_ms', 'p50'), get(am, 'at_1000_per_s', 'ack_ms', 'p50')),
    ack_p99_at_1000_vs_am: ackP99,
    ack_p99_at_saturation_vs_am: ratio(get(tend, 'saturation', 'ack_ms', 'p99'), get(am, 'saturation', 'ack_ms', 'p99')),
    goal: `accepted rate ≥ ${goal.rate}× Alertmanager's; event→webhook p99 at 1,000/s ≤ ${goal.p99}× Alertmanager's`,
    goal_rate_met: rate === null ? null : rate >= goal.rate,
    goal_p99_met: e2eP99 === null ? null : e2eP99 <= goal.p99,
  }
}

/**
 * Rounds of the whole comparison (TEND_BENCH_ROUNDS, default 1). On a shared 2-core machine one
 * run's figures move by ±20% or more, Alertmanager's too; several rounds, each running every
 * target in turn, give a median and say in how many rounds each goal was met.
 */
const ROUNDS = Math.max(1, Math.min(5, Number(process.env['TEND_BENCH_ROUNDS'] ?? 1) || 1))

const GOALS = { sqlite: { rate: 1.5, p99: 1.0 }, postgres: { rate: 1.0, p99: 2.0 } } as const

type Target = 'tend_sqlite' | 'alertmanager' | 'tend_postgres'

/**
 * One round, phase by phase: every target's saturation, then every target's paced run (with
 * Tend's shedding checks), Alertmanager between the two Tend engines. The machine's speed drifts
 * by tens of percent within minutes (Alertmanager's own rate too), so each ratio compares runs
 * made as close together in time as the phases allow.
 */
async function benchRound(wanted: readonly string[], sink: WebhookSink, skipped: string[]): Promise<Record<string, Figures | null>> {
  const targets: Target[] = []
  if (wanted.includes('sqlite')) targets.push('tend_sqlite')
  if (wanted.includes('alertmanager')) {
    if (alertmanagerBinary() !== null) targets.push('alertmanager')
    else if (!skipped.some((s) => s.startsWith('alertmanager'))) skipped.push('alertmanager: prometheus-alertmanager is not installed')
  }
  if (wanted.includes('postgres')) {
    if (await postgresReachable()) targets.push('tend_postgres')
    else if (!skipped.some((s) => s.startsWith('tend_postgres'))) skipped.push('tend_postgres: PostgreSQL is unreachable (set TEND_BENCH_DATABASE_URL)')
  }
  const dialectOf = (t: Target) => (t === 'tend_postgres' ? 'postgres' : 'sqlite')
  const out: Record<string, Figures> = Object.fromEntries(targets.map((t) => [t, {}]))
  if (PHASES.includes('saturation')) {
    for (const t of targets) (out[t] as Figures)['saturation'] = t === 'alertmanager' ? await amSaturation(sink) : await tendSaturation(dialectOf(t), sink)
  }
  if (PHASES.includes('paced')) {
    for (const t of targets) {
      const figures = out[t] as Figures
      if (t === 'alertmanager') {
        figures['at_1000_per_s'] = await amPaced(sink)
        continue
      }
      // The flood past capacity is twice the saturation rate; without a measured one, 2,000/s.
      const { paced, shedding } = await tendPaced(dialectOf(t), sink, get(figures, 'saturation', 'accepted_per_s') ?? 1_000)
      figures['at_1000_per_s'] = paced
      figures['shedding'] = shedding
    }
  }
  return {
    ...out,
    ratios: {
      sqlite: compare(out['tend_sqlite'], out['alertmanager'], GOALS.sqlite),
      postgres: compare(out['tend_postgres'], out['alertmanager'], GOALS.postgres),
    },
  }
}

const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : Math.round((((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2) * 1000) / 1000
}

/** The ratios of every round side by side, their medians, and in how many rounds each goal was met. */
function overRounds(rounds: readonly Record<string, Figures | null>[], dialect: 'sqlite' | 'postgres'): Figures | null {
  const per = rounds.map((r) => (r['ratios'] as Record<string, Figures | null> | undefined)?.[dialect] ?? null).filter((x): x is Figures => x !== null)
  if (per.length === 0) return null
  const list = (key: string) => per.map((r) => r[key]).filter((v): v is number => typeof v === 'number')
  // Out of the rounds that measured it (a phase left out measures nothing).
  const met = (key: string) => `${per.filter((r) => r[key] === true).length}/${per.filter((r) => typeof r[key] === 'boolean').length}`
  return {
    accepted_rate_vs_am: list('accepted_rate_vs_am'),
    accepted_rate_vs_am_median: median(list('accepted_rate_vs_am')),
    e2e_p99_vs_am: list('e2e_p99_vs_am'),
    e2e_p99_vs_am_median: median(list('e2e_p99_vs_am')),
    e2e_p99_warmup_vs_am: list('e2e_p99_warmup_vs_am'),
    goal: per[0]?.['goal'] ?? null,
    goal_rate_met_in_rounds: met('goal_rate_met'),
    goal_p99_met_in_rounds: met('goal_p99_met'),
  }
}

/** Runs the paging benchmark and returns its figures. */
export async function runPagingBench(): Promise<Figures> {
  const wanted = (process.env['TEND_BENCH_TARGETS'] ?? 'sqlite,postgres,alertmanager').split(',').map((s) => s.trim())
  const skipped: string[] = []
  // The figures depend on the machine's state (other processes, disk flush latency): record it.
  const conditions = async () => ({ loadavg_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100, cpu_pressure_some_avg10: cpuPressure(), sqlite_full_commits_per_s: await fsyncRate() })
  const before = await conditions()
  const sink = await WebhookSink.start()
  const rounds: Record<string, Figures | null>[] = []
  try {
    for (let i = 0; i < ROUNDS; i++) {
      if (ROUNDS > 1) progress(`round ${i + 1} of ${ROUNDS}`)
      rounds.push(await benchRound(wanted, sink, skipped))
    }
  } finally {
    await sink.stop()
  }
  for (const s of skipped) console.warn(`!!! paging bench skipped ${s}`)
  const figures = ROUNDS === 1 ? (rounds[0] ?? {}) : { rounds, ratios: { sqlite: overRounds(rounds, 'sqlite'), postgres: overRounds(rounds, 'postgres') } }
  return {
    name: 'paging',
    conditions: { before, after: await conditions() },
    method: {
      saturation: `closed loop, ${SATURATION.concurrency} in flight, ${SATURATION.warmupMs / 1000} s warm-up + ${SATURATION.durationMs / 1000} s measured, every event a distinct dedup key; ack = POST start → answer`,
      at_1000_per_s: `open loop ${PACED.ratePerSec}/s, ${PACED.warmupMs / 1000} s warm-up + ${PACED.durationMs / 1000} s measured (≤ ${PACED.maxInFlight} in flight); every ${PROBE_EVERY}th event is a probe on its own service (Tend) or with a probe label (Alertmanager); e2e = POST start → webhook body received, one clock, for the measured part's probes (e2e_ms_warmup: the warm-up's, a fresh process's first seconds); ack, CPU and writes cover both parts`,
      tend: 'tend serve subprocess (real clock), one person with a verified webhook, one-step policy paging at once; background events go to one service, so after the first page Tend bundles them (5-minute window) into one follow-up — only probe alerts produce a webhook each',
      alertmanager: "group_by ['...'], group_wait 0s, group_interval 1s, repeat_interval 1h; a fresh process per phase; every alert produces a webhook",
      machine_note: 'load generator, webhook receiver (its own thread), the server and PostgreSQL share the same CPUs',
      tend_writes_per_event: "Tend's write system calls and KB handed to them per accepted event over the load (/proc/PID/io syscw, wchar; sockets included, warm-up included at saturation): they hardly move with the host's speed, unlike the rates",
      rounds: ROUNDS,
    },
    ...figures,
    skipped,
  }
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  console.log(JSON.stringify(await runPagingBench(), null, 2))
}
