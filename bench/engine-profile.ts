/**
 * Where a real `tend serve` spends its engine time under the paced load of the paging benchmark
 * (1,000 events/s for 10 s, one probe service in 50): per engine module, how many runs and how
 * many seconds in all, read from the process's own /metrics before and after. With
 * TEND_BENCH_CPU_PROF=<dir>, the process also writes a V8 CPU profile there.
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

/** Sums and counts of the module-duration histogram, by module. */
async function moduleTimes(url: string): Promise<Map<string, { runs: number; seconds: number }>> {
  const text = await (await fetch(`${url}/metrics`)).text()
  const out = new Map<string, { runs: number; seconds: number }>()
  for (const line of text.split('\n')) {
    const m = /^tend_engine_module_duration_seconds_(sum|count)\{module="([^"]+)"\} (\S+)$/.exec(line)
    if (m === null) continue
    const [, kind, module, value] = m as unknown as [string, 'sum' | 'count', string, string]
    const entry = out.get(module) ?? { runs: 0, seconds: 0 }
    if (kind === 'sum') entry.seconds = Number(value)
    else entry.runs = Number(value)
    out.set(module, entry)
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
      const b = before.get(name) ?? { runs: 0, seconds: 0 }
      return [name, { runs: a.runs - b.runs, seconds: Math.round((a.seconds - b.seconds) * 1000) / 1000 }]
    }),
  )
  process.stdout.write(`${JSON.stringify({ dialect, accepted_per_s: load.acceptedPerSec, codes: load.codes, modules }, null, 1)}\n`)
} finally {
  await tend.stop()
  await sink.stop()
}
