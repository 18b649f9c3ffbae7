/**
 * Suggesting a realistic threshold from a metric's history, a backtest in miniature:
 *
 * 1. Candidates: the current threshold, the series' nearest-rank percentiles on the alarming
 *    side (p90, p95, p97.5, p99, p99.5, p99.9 for `>`/`>=`; p10 … p0.1 for `<`/`<=`), and the
 *    midpoint between each pair of neighbouring percentiles: a percentile sits on observed data
 *    (often the noise floor or the incident itself), a midpoint leaves margin on both sides.
 * 2. Each candidate is replayed over the series: a fire is a rising edge (a datapoint breaches
 *    and the previous one did not), so a long breach counts once, like one alert; fires are
 *    scaled to a week. An actionable window is caught if any datapoint in it breaches.
 * 3. With actionable windows: the least noisy candidate that catches all of them; among equally
 *    quiet ones the middle, which keeps the most margin from both the noise it ignores and the
 *    problems it catches. If none catches all, the one catching most, and `because` says so.
 *    Without: the most sensitive candidate within the target rate, else the least noisy.
 *
 * Replaying raw datapoints overstates fires for an alarm with M-of-N debouncing, which can only
 * fire less often; the comparison between candidates still holds.
 */
import { DAY_MS, HOUR_MS, type Instant } from '../../lib/time/index.js'
import { breaches, percentile, type Comparison } from '../alarms/index.js'

/** A time window in which the metric showed a real, actionable problem. */
export interface TimeWindow {
  readonly from: Instant
  readonly to: Instant
}

/** A metric's history, how it alarms today, and what a good alarm would have caught. */
export interface ThresholdSuggestionInput {
  readonly series: readonly { readonly at: Instant; readonly value: number }[]
  readonly comparison: Comparison
  readonly currentThreshold: number
  readonly actionableWindows: readonly TimeWindow[]
  readonly targetAlertsPerWeek: number
}

/** The suggested threshold, compared with the current one over the same history. */
export interface ThresholdSuggestion {
  readonly suggested: number
  readonly firesPerWeekAtCurrent: number
  readonly firesPerWeekAtSuggested: number
  /** How many actionable windows the suggested threshold catches. */
  readonly catchesActionable: number
  readonly missesActionable: number
  readonly because: string
}

interface Candidate {
  readonly label: string
  readonly threshold: number
  readonly firesPerWeek: number
  readonly catches: number
}

const WEEK_MS = 7 * DAY_MS
const HIGH_PERCENTILES = [90, 95, 97.5, 99, 99.5, 99.9]
const LOW_PERCENTILES = [10, 5, 2.5, 1, 0.5, 0.1]

const alarmsHigh = (c: Comparison): boolean => c === '>' || c === '>='
const round = (n: number): number => Math.round(n * 100) / 100

interface Threshold {
  readonly label: string
  readonly threshold: number
}

function midpoints(points: readonly Threshold[]): Threshold[] {
  return points.slice(1).map((b, i) => {
    const a = points[i] as Threshold
    return { label: `between ${a.label} and ${b.label}`, threshold: (a.threshold + b.threshold) / 2 }
  })
}

function candidateThresholds(input: ThresholdSuggestionInput, values: readonly number[]): Threshold[] {
  const percentiles = alarmsHigh(input.comparison) ? HIGH_PERCENTILES : LOW_PERCENTILES
  const fromPercentiles = percentiles.map((p) => ({ label: `p${p}`, threshold: percentile(values, p) as number }))
  const all = [{ label: 'current', threshold: input.currentThreshold }, ...fromPercentiles, ...midpoints(fromPercentiles)]
  return all.filter((c, i) => all.findIndex((d) => d.threshold === c.threshold) === i)
}

function countRisingEdges(series: ThresholdSuggestionInput['series'], comparison: Comparison, threshold: number): number {
  let fires = 0
  let wasBreaching = false
  for (const point of series) {
    const breaching = breaches(point.value, comparison, threshold)
    if (breaching && !wasBreaching) fires += 1
    wasBreaching = breaching
  }
  return fires
}

function countCaught(input: ThresholdSuggestionInput, sorted: ThresholdSuggestionInput['series'], threshold: number): number {
  return input.actionableWindows.filter((w) =>
    sorted.some((p) => p.at >= w.from && p.at <= w.to && breaches(p.value, input.comparison, threshold)),
  ).length
}

function replay(input: ThresholdSuggestionInput, sorted: ThresholdSuggestionInput['series'], c: Threshold): Candidate {
  const first = sorted[0]?.at ?? 0
  const last = sorted[sorted.length - 1]?.at ?? 0
  const weeks = Math.max(last - first, HOUR_MS) / WEEK_MS
  const firesPerWeek = countRisingEdges(sorted, input.comparison, c.threshold) / weeks
  return { ...c, firesPerWeek, catches: countCaught(input, sorted, c.threshold) }
}

/** Lower is more sensitive: a lower threshold alarms sooner on `>`, a higher one on `<`. */
const sensitivity = (comparison: Comparison, c: Candidate): number => (alarmsHigh(comparison) ? c.threshold : -c.threshold)

/** Orders candidates: fewer fires first, then the more sensitive threshold. */
const quieterThenSensitive = (comparison: Comparison) => (a: Candidate, b: Candidate): number =>
  a.firesPerWeek - b.firesPerWeek || sensitivity(comparison, a) - sensitivity(comparison, b)

/** Of candidates sorted quietest first, returns the middle one of those tied for quietest. */
function middleOfQuietest(sorted: readonly Candidate[]): Candidate | undefined {
  const quietest = sorted.filter((c) => c.firesPerWeek === sorted[0]?.firesPerWeek)
  return quietest[Math.floor((quietest.length - 1) / 2)]
}

const summaryOf = (c: Candidate): string => `${c.label} (${round(c.threshold)}) fires ${round(c.firesPerWeek)} times a week`

interface Choice {
  readonly pick: Candidate
  readonly because: string
}

function chooseWithActionable(input: ThresholdSuggestionInput, candidates: readonly Candidate[]): Choice {
  const total = input.actionableWindows.length
  const quieter = quieterThenSensitive(input.comparison)
  const pick = middleOfQuietest(candidates.filter((c) => c.catches === total).sort(quieter))
  if (pick === undefined) {
    const best = [...candidates].sort((a, b) => b.catches - a.catches || quieter(a, b))[0] as Candidate
    return { pick: best, because: `no candidate catches all ${total} actionable windows; ${summaryOf(best)} and catches ${best.catches}: this metric may not be the right signal` }
  }
  const target = `the target of ${input.targetAlertsPerWeek}`
  const tail = pick.firesPerWeek <= input.targetAlertsPerWeek ? `, within ${target}` : `, above ${target}: any quieter candidate would miss an actionable window`
  return { pick, because: `${summaryOf(pick)} and still catches all ${total} actionable windows${tail}` }
}

function chooseWithoutActionable(input: ThresholdSuggestionInput, candidates: readonly Candidate[]): Choice {
  const target = input.targetAlertsPerWeek
  const mostSensitiveFirst = [...candidates].sort((a, b) => sensitivity(input.comparison, a) - sensitivity(input.comparison, b))
  const within = mostSensitiveFirst.find((c) => c.firesPerWeek <= target)
  if (within !== undefined) return { pick: within, because: `no actionable windows marked; ${summaryOf(within)}, the most sensitive within the target of ${target}` }
  const quietest = [...candidates].sort(quieterThenSensitive(input.comparison))[0] as Candidate
  return { pick: quietest, because: `no actionable windows marked and no candidate meets the target of ${target}; ${summaryOf(quietest)}, the quietest` }
}

/**
 * Returns a threshold that would have caught the actionable problems in the series with as few
 * alerts as possible, how often it and the current one would have fired, and why.
 * @example suggestThreshold({ series, comparison: '>', currentThreshold: 300, actionableWindows, targetAlertsPerWeek: 1 })
 */
export function suggestThreshold(input: ThresholdSuggestionInput): ThresholdSuggestion {
  const sorted = [...input.series].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.at - b.at)
  const total = input.actionableWindows.length
  if (sorted.length === 0) {
    return { suggested: input.currentThreshold, firesPerWeekAtCurrent: 0, firesPerWeekAtSuggested: 0, catchesActionable: 0, missesActionable: total, because: 'no data to learn from' }
  }
  const candidates = candidateThresholds(input, sorted.map((p) => p.value)).map((c) => replay(input, sorted, c))
  const current = candidates.find((c) => c.label === 'current') as Candidate
  const { pick, because } = total > 0 ? chooseWithActionable(input, candidates) : chooseWithoutActionable(input, candidates)
  return {
    suggested: pick.threshold,
    firesPerWeekAtCurrent: current.firesPerWeek,
    firesPerWeekAtSuggested: pick.firesPerWeek,
    catchesActionable: pick.catches,
    missesActionable: total - pick.catches,
    because,
  }
}
