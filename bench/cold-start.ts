/**
 * Is a fresh `tend serve`'s slow first second the process or the database? Three short paced
 * loads (1,000 events/s for 3 s, every 50th event a probe on a service of its own), each probe's
 * event → webhook time split into the load's first second and the rest:
 * 1. a fresh process on a fresh database;
 * 2. the same process again, after a pause;
 * 3. a fresh process on the database the first two filled (same data folder, so the same key).
 * A diagnostic, not part of `npm run bench`.
 *
 * Run with `npm run build:server && npx tsx bench/cold-start.ts [sqlite|postgres]`;
 * TEND_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each `tend serve` there.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLoop } from './lib/http-load.js'
import { summarize } from './lib/stats.js'
import { pdEvent, setupTendScenario, type TendScenario } from './lib/tend-scenario.js'
import { BENCH_TOKEN, freshDatabase, profilingNodeArgs, startTend, type TendPlace } from './lib/tend-process.js'
import { WebhookSink } from './lib/webhook-sink.js'

const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite'
const LOAD = { ratePerSec: 1_000, durationMs: 3_000, maxInFlight: 64, timeoutMs: 10_000 }
const PROBE_EVERY = 50
const PROBES_PER_LOAD = (LOAD.ratePerSec * LOAD.durationMs) / 1000 / PROBE_EVERY
const FIRST_SECOND_PROBES = LOAD.ratePerSec / PROBE_EVERY
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** One paced load on fresh probe services (from `firstProbe`); the probes' latencies, first second apart. */
async function load(sink: WebhookSink, url: string, scenario: TendScenario, label: string, firstProbe: number) {
  await sink.reset()
  const starts = new Map<number, number>()
  const probeOf = (i: number) => firstProbe + (i - PROBE_EVERY / 2) / PROBE_EVERY
  const isProbe = (i: number) => i % PROBE_EVERY === PROBE_EVERY / 2
  await openLoop(
    { url: `${url}/v2/enqueue`, body: (i) => (isProbe(i) ? pdEvent(scenario.probeKeys[probeOf(i)] ?? '', `probe-${probeOf(i)}`) : pdEvent(scenario.loadKey, `${label}-${i}`)) },
    { ...LOAD, onStart: (i, at) => (isProbe(i) ? starts.set(probeOf(i), at) : undefined) },
  )
  await sleep(2_000)
  const snapshot = await sink.snapshot()
  const firstSecond: number[] = []
  const rest: number[] = []
  for (const [j, start] of starts) {
    const at = snapshot.probes[`probe-${j}`]
    if (at !== undefined) (j - firstProbe < FIRST_SECOND_PROBES ? firstSecond : rest).push(at - start)
  }
  return { load: label, first_second_ms: summarize(firstSecond), after_ms: summarize(rest) }
}

const dir = mkdtempSync(join(tmpdir(), 'tend-cold-'))
const db = await freshDatabase(dialect, dir)
// Both processes run on one folder (so one secrets key) and one database.
const place: TendPlace = { dir, databaseUrl: db.url }
const serve = () => startTend(dialect, { place, nodeArgs: profilingNodeArgs() })
const sink = await WebhookSink.start()
let tend = await serve()
const results = []
try {
  const scenario = await setupTendScenario(tend.url, BENCH_TOKEN, sink.url, 3 * PROBES_PER_LOAD)
  await sleep(500)
  results.push(await load(sink, tend.url, scenario, 'fresh process, fresh database', 0))
  await sleep(2_000)
  results.push(await load(sink, tend.url, scenario, 'same process again', PROBES_PER_LOAD))
  await tend.stop()
  tend = await serve()
  await sleep(500)
  results.push(await load(sink, tend.url, scenario, 'fresh process, used database', 2 * PROBES_PER_LOAD))
} finally {
  await tend.stop()
  await sink.stop()
  await db.drop()
  rmSync(dir, { recursive: true, force: true })
}
console.log(JSON.stringify({ dialect, results }, null, 1))
