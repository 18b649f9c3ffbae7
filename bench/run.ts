/**
 * `npm run bench`: runs every benchmark in turn and prints one JSON document of figures.
 * Benchmarks are bounded in count and time and only talk to loopback.
 */
import { runPagingBench } from './paging-bench.js'
import { runScheduleBench } from './schedules-bench.js'

interface Bench {
  readonly name: string
  run(): Promise<Record<string, unknown>>
}

const BENCHES: readonly Bench[] = [
  { name: 'schedules', run: runScheduleBench },
  { name: 'paging', run: runPagingBench },
]

const only = process.argv.slice(2)
const results: Record<string, unknown>[] = []
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue
  results.push(await bench.run())
}
process.stdout.write(`${JSON.stringify({ machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, results }, null, 2)}\n`)
