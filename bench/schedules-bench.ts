/**
 * Benchmark: a year of final shifts for a follow-the-sun schedule (a weekly primary layer plus
 * two Mon–Fri working-hours layers in other zones) with 20 overrides, computed repeatedly.
 * Prints one JSON object. Run with `npx tsx bench/schedules-bench.ts`.
 */
import { pathToFileURL } from 'node:url'
import { computeFinalShifts, type Layer, type Override, type ScheduleDef } from '../src/domain/schedules/index.js'
import { localTime, parseInstant, type Instant } from '../src/lib/time/index.js'

const MAX_ITERATIONS = 50
// Unmeasured runs first, so the figures describe JIT-compiled code; the cold run is reported apart.
const WARMUP_ITERATIONS = 10
const TIME_BUDGET_MS = 5_000
const DAY = 86_400_000

function instant(text: string): Instant {
  const parsed = parseInstant(text)
  if (parsed === null) throw new Error(`bad instant ${text}`)
  return parsed
}

function workingHoursLayer(id: string, timeZone: string, members: string[]): Layer {
  return {
    id,
    name: id,
    timeZone,
    // Began years ago: the computation must jump to the range, not walk from here.
    startsAt: instant('2019-01-07T00:00:00Z'),
    endsAt: null,
    shiftLength: 1,
    shiftUnit: 'weeks',
    handoffTime: localTime('09:00'),
    members,
    restrictions: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: localTime('09:00'), end: localTime('17:00') }],
  }
}

/** Builds the benchmark schedule: 3 layers, 20 overrides spread over the year. */
export function buildBenchSchedule(): { def: ScheduleDef; overrides: Override[]; from: Instant; to: Instant } {
  const from = instant('2026-01-01T00:00:00Z')
  const to = instant('2027-01-01T00:00:00Z')
  const primary: Layer = {
    id: 'primary',
    name: 'Primary',
    timeZone: null,
    startsAt: instant('2018-03-05T14:00:00Z'),
    endsAt: null,
    shiftLength: 1,
    shiftUnit: 'weeks',
    handoffTime: localTime('09:00'),
    members: ['ana', 'ben', 'chen', 'dia', 'eli', 'fay'],
    restrictions: [],
  }
  const def: ScheduleDef = {
    id: 'bench',
    timeZone: 'America/New_York',
    layers: [
      primary,
      workingHoursLayer('emea-day', 'Europe/Berlin', ['gus', 'hal', 'ida']),
      workingHoursLayer('apac-day', 'Australia/Sydney', ['jon', 'kim', 'lea']),
    ],
  }
  const kinds = ['manual', 'swap', 'relief'] as const
  const overrides: Override[] = Array.from({ length: 20 }, (_, i) => ({
    id: `o${i}`,
    userId: `cover-${i % 4}`,
    replacesUserId: i % 3 === 1 ? primary.members[i % primary.members.length] ?? null : null,
    start: from + i * 18 * DAY + (i % 5) * 3_600_000,
    end: from + i * 18 * DAY + (1 + (i % 3)) * DAY,
    kind: kinds[i % 3] ?? 'manual',
    createdSeq: i,
  }))
  return { def, overrides, from, to }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000

/** Runs the benchmark and returns its figures; the first (cold, zone tables empty) run is reported apart. */
export async function runScheduleBench(): Promise<Record<string, unknown>> {
  const { def, overrides, from, to } = buildBenchSchedule()
  let started = performance.now()
  let shifts = computeFinalShifts(def, overrides, from, to).length
  const coldMs = performance.now() - started
  for (let i = 0; i < WARMUP_ITERATIONS; i++) computeFinalShifts(def, overrides, from, to)
  const timings: number[] = []
  const budgetEnd = performance.now() + TIME_BUDGET_MS
  while (timings.length < MAX_ITERATIONS && performance.now() < budgetEnd) {
    started = performance.now()
    shifts = computeFinalShifts(def, overrides, from, to).length
    timings.push(performance.now() - started)
  }
  timings.sort((a, b) => a - b)
  return {
    name: 'schedule.year_final_shifts',
    layers: def.layers.length,
    overrides: overrides.length,
    shifts,
    ms_p50: round(percentile(timings, 50)),
    ms_p99: round(percentile(timings, 99)),
    ms_cold: round(coldMs),
    iterations: timings.length,
    warmup_iterations: WARMUP_ITERATIONS,
  }
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  console.log(JSON.stringify(await runScheduleBench()))
}
