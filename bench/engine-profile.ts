/**
 * Where a real `tend serve` spends its engine time under the paced load of the paging benchmark
 * (1,000 events/s for 10 s, one probe service in 50): per engine module, how many runs and how
 * many seconds in all, and how many runs took over 50 ms, read from the process's own /metrics
 * before and after. With TEND_BENCH_CPU_PROF=<dir>, the process also writes a V8 CPU profile.
 *
 * Run with `npm run build:server && npx tsx bench/engine-profile.ts [sqlite|postgres]`. A
 * diagnostic, not part of `npm run bench`: a module whose seconds approach the run's ten is the
 * one that makes pages wait.
 */
import { openLoop, type LoadTarget } from './lib/http-load.js'
import { pdEvent, setupTendScenario } from './lib/tend-scenario.js'
import { BENCH_TOKEN, startTend } from './lib/tend-process.js'
import { WebhookSink } from './lib/webhook-sink.js'

const PROBE_EVERY = 50
const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite'
const profileDir = process.env['TEND_BENCH_CPU_PROF']

interface ModuleTimes {
  runs: number
  seconds: number
  /** Runs that took up to 50 ms (the histogram's bucket): the rest are the slow ones a page may wait behind. */
  upTo50ms: number
}

/** Sums, counts and the 50 ms bucket of the module-duration histogram, by module. */
async function moduleTimes(url: string): Promise<Map<string, ModuleTimes>> {
  const text = await (await fetch(`${url}/metrics`)).text()
  const out = new Map<string, ModuleTimes>()
  const entry = (module: string) => out.get(module) ?? out.set(module, { runs: 0, seconds: 0, upTo50ms: 0 }).get(module)!
  for (const line of text.split('\n')) {
    const total = /^tend_engine_module_duration_seconds_(sum|count)\{module="([^"]+)"\} (\S+)$/.exec(line)
    if (total !== null) {
      const [, kind, module, value] = total as unknown as [string, 'sum' | 'count', string, string]
      if (kind === 'sum') entry(module).seconds = Number(value)
      else entry(module).runs = Number(value)
      continue
    }
    const bucket = /^tend_engine_module_duration_seconds_bucket\{le="0.05",module="([^"]+)"\} (\S+)$/.exec(line)
    if (bucket !== null) entry(bucket[1] ?? '').upTo50ms = Number(bucket[2])
  }
  return out
}

const sink = await WebhookSink.start()
const tend = await startTend(dialect, { nodeArgs: profileDir === undefined || profileDir === '' ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir] })
try {
  const scenario = await setupTendScenario(tend.url, BENCH_TOKEN, sink.url, 200)
  const target: LoadTarget = {
    url: `${tend.url}/v2/enqueue`,
    body: (i) => (i % PROBE_EVERY === PROBE_EVERY / 2 ? pdEvent(scenario.probeKeys[(i - PROBE_EVERY / 2) / PROBE_EVERY] ?? '', `probe-${i}`) : pdEvent(scenario.loadKey, `load-${i}`)),
  }
  const before = await moduleTimes(tend.url)
  const load = await openLoop(target, { ratePerSec: 1_000, durationMs: 10_000, maxInFlight: 64, timeoutMs: 10_000 })
  const after = await moduleTimes(tend.url)
  const modules = Object.fromEntries(
    [...after].map(([name, a]) => {
      const b = before.get(name) ?? { runs: 0, seconds: 0, upTo50ms: 0 }
      return [name, { runs: a.runs - b.runs, seconds: Math.round((a.seconds - b.seconds) * 1000) / 1000, over_50ms: a.runs - b.runs - (a.upTo50ms - b.upTo50ms) }]
    }),
  )
  process.stdout.write(`${JSON.stringify({ dialect, accepted_per_s: load.acceptedPerSec, codes: load.codes, modules }, null, 1)}\n`)
} finally {
  await tend.stop()
  await sink.stop()
}
