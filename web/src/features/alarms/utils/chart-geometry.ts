import type { AlarmComparison } from '../../../types/api'
import { breaches } from './breaches'

/** One period of the series: its start and its value (null: no data). */
export interface ChartPoint {
  readonly at: number
  readonly value: number | null
}

export interface ChartInput {
  readonly points: readonly ChartPoint[]
  readonly periodMs: number
  readonly comparison: AlarmComparison
  readonly threshold: number
  readonly recoveryThreshold: number | null
}

export interface ChartSize {
  readonly width: number
  readonly height: number
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
}

/** Where everything goes, in SVG user units. */
export interface ChartGeometry {
  /** Path data, one `M…L…` run per stretch of consecutive values (gaps where data is missing). */
  readonly line: string
  readonly dots: readonly { readonly x: number; readonly y: number; readonly value: number; readonly at: number; readonly breaching: boolean }[]
  /** Columns of periods whose value breaches the threshold. */
  readonly bands: readonly { readonly x: number; readonly width: number; readonly at: number }[]
  readonly thresholdY: number
  readonly recoveryY: number | null
  readonly yTicks: readonly { readonly value: number; readonly y: number }[]
  readonly xTicks: readonly { readonly at: number; readonly x: number }[]
  readonly breachingCount: number
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1
  const power = 10 ** Math.floor(Math.log10(raw))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power
  return 10 * power
}

const TIME_STEPS = [60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000, 3_600_000, 2 * 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 86_400_000, 2 * 86_400_000, 7 * 86_400_000]

/**
 * Lays out a threshold alarm's series: the value line (broken where data is missing), a dot per
 * value (breaching ones flagged), a shaded column per breaching period, the threshold and
 * recovery lines, and round ticks. `offsetMinutes` is the viewer's zone offset, so time ticks
 * fall on local hours.
 * @example chartGeometry({ points, periodMs: 60_000, comparison: '>', threshold: 500, recoveryThreshold: 400 }, size, 60)
 */
export function chartGeometry(input: ChartInput, size: ChartSize, offsetMinutes = 0): ChartGeometry {
  const { points, periodMs, comparison, threshold, recoveryThreshold } = input
  const n = Math.max(1, points.length)
  const start = points[0]?.at ?? 0
  const end = start + n * periodMs
  const plotW = size.width - size.left - size.right
  const plotH = size.height - size.top - size.bottom
  const values = points.map((p) => p.value).filter((v): v is number => v !== null)
  const all = [...values, threshold, ...(recoveryThreshold === null ? [] : [recoveryThreshold])]
  let lo = Math.min(...all)
  let hi = Math.max(...all)
  if (lo === hi) {
    lo -= Math.abs(lo) * 0.1 || 1
    hi += Math.abs(hi) * 0.1 || 1
  }
  const step = niceStep((hi - lo) / 4)
  lo = Math.floor(lo / step) * step
  hi = Math.ceil(hi / step) * step
  if (lo === hi) hi = lo + step
  const y = (v: number) => size.top + plotH - ((v - lo) / (hi - lo)) * plotH
  const slot = plotW / n
  const x = (i: number) => size.left + (i + 0.5) * slot

  let line = ''
  let drawing = false
  const dots: { x: number; y: number; value: number; at: number; breaching: boolean }[] = []
  const bands: { x: number; width: number; at: number }[] = []
  points.forEach((p, i) => {
    if (p.value === null) {
      drawing = false
      return
    }
    const px = round(x(i))
    const py = round(y(p.value))
    line += `${drawing ? 'L' : 'M'}${px} ${py}`
    drawing = true
    const breaching = breaches(p.value, comparison, threshold)
    dots.push({ x: px, y: py, value: p.value, at: p.at, breaching })
    if (breaching) bands.push({ x: round(size.left + i * slot), width: round(slot), at: p.at })
  })

  const yTicks: { value: number; y: number }[] = []
  for (let v = lo; v <= hi + step / 1000; v += step) yTicks.push({ value: round(v), y: round(y(v)) })

  const span = end - start
  const timeStep = TIME_STEPS.find((s) => span / s <= 6) ?? TIME_STEPS[TIME_STEPS.length - 1] ?? 86_400_000
  const offset = offsetMinutes * 60_000
  const xTicks: { at: number; x: number }[] = []
  for (let t = Math.ceil((start + offset) / timeStep) * timeStep - offset; t <= end; t += timeStep) {
    xTicks.push({ at: t, x: round(size.left + ((t - start) / span) * plotW) })
  }

  return { line, dots, bands, thresholdY: round(y(threshold)), recoveryY: recoveryThreshold === null ? null : round(y(recoveryThreshold)), yTicks, xTicks, breachingCount: bands.length }
}

const round = (v: number) => Math.round(v * 10) / 10
