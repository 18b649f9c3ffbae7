/**
 * Bucketing pushed datapoints into fixed periods, oldest first, the shape evaluateAlarm takes.
 *
 * Periods are aligned to the epoch ([k·P, (k+1)·P)) so every instance of Tend cuts the same
 * buckets, and only complete periods are evaluated: a half-filled current period would make a
 * `sum` or `count` alarm look healthier than it is.
 */
import type { Datapoint, Statistic, ThresholdAlarm } from './model.js'
import { statistic } from './statistic.js'

/**
 * How many periods are fetched beyond N. CloudWatch fetches "a higher number of data points
 * than the number specified as Evaluation Periods" (the evaluation range) and uses the older
 * ones only when recent ones are missing; its documented examples use 5 periods for N = 3.
 */
export const EXTRA_EVALUATION_PERIODS = 2

/** Returns the end of the last complete period at `now`. */
export function lastCompletePeriodEnd(now: number, periodSeconds: number): number {
  const periodMs = periodSeconds * 1000
  return Math.floor(now / periodMs) * periodMs
}

/**
 * Returns the values of the `n` periods ending at `endAt` (exclusive), oldest first: bucket i
 * covers [endAt − (n − i)·P, endAt − (n − i − 1)·P).
 * @example bucketize(points, 60, lastCompletePeriodEnd(now, 60), 5) // five one-minute buckets
 */
export function bucketize(datapoints: readonly Datapoint[], periodSeconds: number, endAt: number, n: number): number[][] {
  const periodMs = periodSeconds * 1000
  const startAt = endAt - n * periodMs
  const buckets: number[][] = Array.from({ length: n }, () => [])
  for (const point of datapoints) {
    if (point.at < startAt || point.at >= endAt) continue
    buckets[Math.floor((point.at - startAt) / periodMs)]?.push(point.value)
  }
  return buckets
}

/** Returns each bucket's statistic, null for an empty bucket (missing data). */
export function aggregateBuckets(buckets: readonly (readonly number[])[], stat: Statistic): (number | null)[] {
  return buckets.map((values) => statistic(values, stat))
}

/**
 * Returns the alarm's evaluation range at `now`: N + EXTRA_EVALUATION_PERIODS complete periods,
 * oldest first, null where a period had no datapoints. Feed it to evaluateAlarm.
 */
export function evaluationRange(alarm: ThresholdAlarm, datapoints: readonly Datapoint[], now: number): (number | null)[] {
  const endAt = lastCompletePeriodEnd(now, alarm.periodSeconds)
  const n = alarm.evaluationPeriods + EXTRA_EVALUATION_PERIODS
  return aggregateBuckets(bucketize(datapoints, alarm.periodSeconds, endAt, n), alarm.statistic)
}
