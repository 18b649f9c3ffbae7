/**
 * Validation of schedules and overrides: input in, a validated copy out, or an E_VALIDATION
 * error listing every bad field by path (`layers[2].handoffTime`).
 *
 * Instants may be given as RFC 3339 text with an offset (what the API receives) or as epoch
 * milliseconds (what the store holds). Zone names come back with canonical capitalization.
 */
import { FieldErrors } from '../../lib/errors.js'
import {
  canonicalTimeZone,
  DAY_MS,
  isInstant,
  parseInstant,
  parseLocalTime,
  WEEKDAYS,
  type Instant,
  type LocalTime,
  type Weekday,
} from '../../lib/time/index.js'
import {
  OVERRIDE_KINDS,
  SHIFT_UNITS,
  type Layer,
  type Override,
  type OverrideKind,
  type Restriction,
  type ScheduleDef,
  type ShiftUnit,
} from './model.js'

/** An instant as RFC 3339 text with an offset, or epoch milliseconds. */
export type InstantInput = string | number

/** A restriction as received. */
export interface RestrictionInput {
  readonly days: readonly string[]
  readonly start: string
  readonly end: string
}

/** A layer as received; timeZone and endsAt may be left out (= null). */
export interface LayerInput {
  readonly id: string
  readonly name: string
  readonly timeZone?: string | null | undefined
  readonly startsAt: InstantInput
  readonly endsAt?: InstantInput | null | undefined
  readonly shiftLength: number
  readonly shiftUnit: string
  readonly handoffTime: string
  readonly members: readonly string[]
  readonly restrictions?: readonly RestrictionInput[] | undefined
}

/** A schedule definition as received. */
export interface ScheduleInput {
  readonly id: string
  readonly timeZone: string
  readonly layers: readonly LayerInput[]
}

/** An override as received; replacesUserId may be left out (= null). */
export interface OverrideInput {
  readonly id: string
  readonly userId: string
  readonly replacesUserId?: string | null | undefined
  readonly start: InstantInput
  readonly end: InstantInput
  readonly kind: string
  readonly createdSeq: number
}

/** Upper bounds that keep one schedule's computation small. */
export const SCHEDULE_LIMITS = Object.freeze({
  layers: 50,
  membersPerLayer: 500,
  restrictionsPerLayer: 50,
  nameLength: 200,
  shiftLength: { hours: 8760, days: 365, weeks: 52 } satisfies Record<ShiftUnit, number>,
  overrideDays: 366,
})

const PLACEHOLDER_TIME = '00:00' as LocalTime

/** Validates a schedule definition, reporting every bad field at once (throws E_VALIDATION). */
export function normalizeSchedule(input: ScheduleInput): ScheduleDef {
  const errors = new FieldErrors()
  const id = readId(input.id, 'id', errors)
  const timeZone = readZone(input.timeZone, 'timeZone', errors)
  const layers: Layer[] = []
  const seenIds = new Set<string>()
  for (const [entry, path] of readObjects<LayerInput>(input.layers, 'layers', SCHEDULE_LIMITS.layers, errors)) {
    const layer = normalizeLayer(entry, path, errors)
    if (seenIds.has(layer.id)) errors.add(`${path}.id`, `duplicate layer id ${JSON.stringify(layer.id)}`)
    if (layer.id !== '') seenIds.add(layer.id)
    layers.push(layer)
  }
  errors.throwIfAny()
  return { id, timeZone, layers }
}

function normalizeLayer(input: LayerInput, path: string, errors: FieldErrors): Layer {
  // Read in field order, so errors list in the order the fields appear.
  const id = readId(input.id, `${path}.id`, errors)
  const name = readName(input.name, `${path}.name`, errors)
  const timeZone = unlessAbsent(input.timeZone, (v) => readZone(v, `${path}.timeZone`, errors))
  const startsAt = readInstant(input.startsAt, `${path}.startsAt`, errors)
  const endsAt = unlessAbsent(input.endsAt, (v) => readInstant(v, `${path}.endsAt`, errors))
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt) errors.add(`${path}.endsAt`, 'must be after startsAt')
  const shiftUnit = readShiftUnit(input.shiftUnit, `${path}.shiftUnit`, errors)
  return {
    id,
    name,
    timeZone,
    startsAt: startsAt ?? 0,
    endsAt,
    shiftLength: readShiftLength(input.shiftLength, shiftUnit, `${path}.shiftLength`, errors),
    shiftUnit: shiftUnit ?? 'weeks',
    handoffTime: readLocalTime(input.handoffTime, `${path}.handoffTime`, errors),
    members: readMembers(input.members, `${path}.members`, errors),
    restrictions: readObjects<RestrictionInput>(
      input.restrictions ?? [],
      `${path}.restrictions`,
      SCHEDULE_LIMITS.restrictionsPerLayer,
      errors,
    ).map(([r, rPath]) => normalizeRestriction(r, rPath, errors)),
  }
}

function normalizeRestriction(input: RestrictionInput, path: string, errors: FieldErrors): Restriction {
  return {
    days: readDays(input.days, `${path}.days`, errors),
    start: readLocalTime(input.start, `${path}.start`, errors),
    end: readLocalTime(input.end, `${path}.end`, errors),
  }
}

/** Validates an override, reporting every bad field at once (throws E_VALIDATION). */
export function validateOverride(input: OverrideInput): Override {
  const errors = new FieldErrors()
  const id = readId(input.id, 'id', errors)
  const userId = readId(input.userId, 'userId', errors)
  const replacesUserId = unlessAbsent(input.replacesUserId, (v) => readId(v, 'replacesUserId', errors))
  if (replacesUserId !== null && replacesUserId === userId) errors.add('replacesUserId', 'must differ from userId')
  const start = readInstant(input.start, 'start', errors)
  const end = readInstant(input.end, 'end', errors)
  if (start !== null && end !== null) {
    if (end <= start) errors.add('end', 'must be after start')
    else if (end - start > SCHEDULE_LIMITS.overrideDays * DAY_MS) {
      errors.add('end', `must be at most ${SCHEDULE_LIMITS.overrideDays} days after start`)
    }
  }
  const kind = readOverrideKind(input.kind, errors)
  const createdSeq = readCreatedSeq(input.createdSeq, errors)
  errors.throwIfAny()
  return { id, userId, replacesUserId, start: start ?? 0, end: end ?? 0, kind, createdSeq }
}

/** Reads an optional field: absent (undefined or null) stays null. */
function unlessAbsent<T>(value: unknown, read: (value: unknown) => T): T | null {
  return value === undefined || value === null ? null : read(value)
}

function readId(value: unknown, field: string, errors: FieldErrors): string {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.add(field, 'must be a non-empty string')
    return ''
  }
  return value.trim()
}

function readName(value: unknown, field: string, errors: FieldErrors): string {
  const name = typeof value === 'string' ? value.trim() : ''
  if (name === '') errors.add(field, 'must not be empty')
  else if (name.length > SCHEDULE_LIMITS.nameLength) {
    errors.add(field, `must be at most ${SCHEDULE_LIMITS.nameLength} characters`)
  }
  return name
}

function readZone(value: unknown, field: string, errors: FieldErrors): string {
  const zone = typeof value === 'string' ? canonicalTimeZone(value) : null
  if (zone === null) errors.add(field, `unknown time zone ${JSON.stringify(value)}`)
  return zone ?? 'UTC'
}

function readInstant(value: unknown, field: string, errors: FieldErrors): Instant | null {
  const instant = typeof value === 'string' ? parseInstant(value) : isInstant(value) ? value : null
  if (instant === null) {
    const example = '"2024-03-10T09:00:00-04:00"'
    errors.add(field, `must be an RFC 3339 time with an offset, such as ${example}, got ${JSON.stringify(value)}`)
  }
  return instant
}

function readLocalTime(value: unknown, field: string, errors: FieldErrors): LocalTime {
  const time = typeof value === 'string' ? parseLocalTime(value) : null
  if (time === null) errors.add(field, `must be HH:MM (24h), got ${JSON.stringify(value)}`)
  return time ?? PLACEHOLDER_TIME
}

function readShiftUnit(value: unknown, field: string, errors: FieldErrors): ShiftUnit | null {
  if ((SHIFT_UNITS as readonly unknown[]).includes(value)) return value as ShiftUnit
  errors.add(field, `must be one of ${SHIFT_UNITS.join(', ')}, got ${JSON.stringify(value)}`)
  return null
}

function readShiftLength(value: unknown, unit: ShiftUnit | null, field: string, errors: FieldErrors): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    errors.add(field, `must be a positive integer, got ${JSON.stringify(value)}`)
    return 1
  }
  const max = unit === null ? undefined : SCHEDULE_LIMITS.shiftLength[unit]
  if (max !== undefined && value > max) errors.add(field, `must be at most ${max} ${unit}`)
  return value
}

function readMembers(value: unknown, field: string, errors: FieldErrors): string[] {
  const members = readList(value, field, SCHEDULE_LIMITS.membersPerLayer, errors)
  if (Array.isArray(value) && members.length === 0) errors.add(field, 'must list at least one user')
  return members.map((m, i) => readId(m, `${field}[${i}]`, errors))
}

function readDays(value: unknown, field: string, errors: FieldErrors): Weekday[] {
  const days = readList(value, field, WEEKDAYS.length * 2, errors)
  if (Array.isArray(value) && days.length === 0) errors.add(field, 'must list at least one day')
  days.forEach((d, i) => {
    if (!(WEEKDAYS as readonly unknown[]).includes(d)) {
      errors.add(`${field}[${i}]`, `must be one of ${WEEKDAYS.join(', ')}, got ${JSON.stringify(d)}`)
    }
  })
  // Week order, duplicates dropped: the same set of days always reads the same.
  return WEEKDAYS.filter((w) => days.includes(w))
}

function readList(value: unknown, field: string, max: number, errors: FieldErrors): unknown[] {
  if (!Array.isArray(value)) {
    errors.add(field, 'must be a list')
    return []
  }
  if (value.length > max) errors.add(field, `must have at most ${max} entries`)
  return value
}

/** Returns the entries of a list that are objects, each with its path; reports the others. */
function readObjects<T>(value: unknown, field: string, max: number, errors: FieldErrors): Array<[T, string]> {
  const entries: Array<[T, string]> = []
  readList(value, field, max, errors).forEach((entry, i) => {
    if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) entries.push([entry as T, `${field}[${i}]`])
    else errors.add(`${field}[${i}]`, 'must be an object')
  })
  return entries
}

function readOverrideKind(value: unknown, errors: FieldErrors): OverrideKind {
  if ((OVERRIDE_KINDS as readonly unknown[]).includes(value)) return value as OverrideKind
  errors.add('kind', `must be one of ${OVERRIDE_KINDS.join(', ')}, got ${JSON.stringify(value)}`)
  return 'manual'
}

function readCreatedSeq(value: unknown, errors: FieldErrors): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  errors.add('createdSeq', `must be a non-negative integer, got ${JSON.stringify(value)}`)
  return 0
}
