/**
 * Validation of pushed metric datapoints: a batch in, validated points out, or an E_VALIDATION
 * error naming each bad point by index and field (`datapoints[3].timestamp`). A batch is
 * all-or-nothing: one bad point rejects the request and nothing is stored.
 *
 * Labels are stored in canonical order (sorted by name), so `{b:"1",a:"2"}` and `{a:"2",b:"1"}`
 * are the same series.
 */
import { FieldErrors } from '../../lib/errors.js'
import { DAY_MS, MINUTE_MS, parseInstant, type Instant } from '../../lib/time/index.js'

/** One validated datapoint, ready to store. */
export interface MetricPoint {
  readonly name: string
  /** Canonical label set (keys sorted). */
  readonly labels: Readonly<Record<string, string>>
  readonly value: number
  readonly at: Instant
}

/** A datapoint as received. */
export interface DatapointInput {
  readonly name?: unknown
  readonly labels?: unknown
  readonly value?: unknown
  readonly timestamp?: unknown
}

/** Bounds on pushed datapoints. */
export const METRIC_LIMITS = Object.freeze({
  perRequest: 10_000,
  nameLength: 200,
  labels: 20,
  labelValueLength: 200,
  /** Datapoints are kept this long; older ones are refused and deleted by the engine. */
  retentionDays: 35,
  /** How far ahead of the server's clock a timestamp may be (clock skew). */
  maxFutureMs: 10 * MINUTE_MS,
  /** At most this many field errors are listed, so a broken batch gets a readable answer. */
  reportedErrors: 50,
})

// Prometheus metric names plus dots (StatsD/OpenTelemetry style); Prometheus label names.
const METRIC_NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Returns the labels as a canonical (name-sorted) plain object. */
export function canonicalLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of Object.keys(labels).sort()) out[name] = labels[name] as string
  return out
}

function checkName(errors: FieldErrors, at: string, name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) errors.add(`${at}.name`, 'required: a metric name such as http_request_duration_ms')
  else if (name.length > METRIC_LIMITS.nameLength || !METRIC_NAME.test(name)) {
    errors.add(`${at}.name`, `must be letters, digits, "_", ":", "." or "-" (not starting with a digit), at most ${METRIC_LIMITS.nameLength} characters; got ${JSON.stringify(name.slice(0, 60))}`)
  }
  return typeof name === 'string' ? name : ''
}

function checkLabels(errors: FieldErrors, at: string, labels: unknown): Record<string, string> {
  if (labels === undefined || labels === null) return {}
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    errors.add(`${at}.labels`, 'must be an object of label names to string values')
    return {}
  }
  const entries = Object.entries(labels as Record<string, unknown>)
  if (entries.length > METRIC_LIMITS.labels) errors.add(`${at}.labels`, `at most ${METRIC_LIMITS.labels} labels`)
  const out: Record<string, string> = {}
  for (const [name, value] of entries) {
    if (!LABEL_NAME.test(name)) errors.add(`${at}.labels.${name}`, 'label names are letters, digits and "_", not starting with a digit')
    else if (typeof value !== 'string' || value.length > METRIC_LIMITS.labelValueLength) {
      errors.add(`${at}.labels.${name}`, `must be a string of at most ${METRIC_LIMITS.labelValueLength} characters`)
    } else out[name] = value
  }
  return canonicalLabels(out)
}

function checkTimestamp(errors: FieldErrors, at: string, timestamp: unknown, now: Instant): Instant {
  if (timestamp === undefined || timestamp === null) return now
  const parsed = typeof timestamp === 'string' ? parseInstant(timestamp) : null
  if (parsed === null) {
    errors.add(`${at}.timestamp`, `must be an RFC 3339 timestamp with an offset (e.g. 2026-11-27T09:00:00Z), got ${JSON.stringify(timestamp)}`)
    return now
  }
  if (parsed > now + METRIC_LIMITS.maxFutureMs) errors.add(`${at}.timestamp`, 'is more than 10 minutes in the future (check the sender\'s clock)')
  else if (parsed < now - METRIC_LIMITS.retentionDays * DAY_MS) errors.add(`${at}.timestamp`, `is older than the ${METRIC_LIMITS.retentionDays}-day retention`)
  return parsed
}

/**
 * Returns the validated datapoints of a batch (timestamps default to `now`), or throws an
 * E_VALIDATION AppError naming each bad point by index and field.
 * @example normalizeDatapoints([{ name: 'queue_depth', labels: { queue: 'mail' }, value: 12 }], now)
 */
export function normalizeDatapoints(input: readonly DatapointInput[], now: Instant): MetricPoint[] {
  const errors = new FieldErrors()
  if (input.length === 0) errors.add('datapoints', 'give at least one datapoint')
  if (input.length > METRIC_LIMITS.perRequest) errors.add('datapoints', `at most ${METRIC_LIMITS.perRequest} datapoints per request; split the batch`)
  errors.throwIfAny()
  const points: MetricPoint[] = []
  let unreported = 0
  input.forEach((p, i) => {
    const mine = new FieldErrors()
    const at = `datapoints[${i}]`
    const name = checkName(mine, at, p.name)
    const labels = checkLabels(mine, at, p.labels)
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) mine.add(`${at}.value`, 'required: a finite number')
    const when = checkTimestamp(mine, at, p.timestamp, now)
    if (mine.isEmpty) points.push({ name, labels, value: p.value as number, at: when })
    else if (errors.list.length < METRIC_LIMITS.reportedErrors) for (const e of mine.list) errors.add(e.field, e.reason)
    else unreported += 1
  })
  if (unreported > 0) errors.add('datapoints', `${unreported} more datapoints are invalid (only the first problems are listed)`)
  errors.throwIfAny()
  return points
}
