import { FieldErrors } from '../../lib/errors.js'
import { isValidTimeZone, parseLocalTime, WEEKDAYS, type LocalTime, type Weekday } from '../../lib/time/index.js'
import {
  CONTACT_METHOD_TYPES,
  DEFAULT_SLEEP_HOURS,
  DEFAULT_WORKING_HOURS,
  INTERRUPTING_BY_DEFAULT,
  URGENCIES,
  type ContactMethodType,
  type DailyHours,
  type Urgency,
  type WorkingHours,
} from './model.js'

export interface UserInput {
  readonly name?: string | undefined
  readonly email?: string | undefined
  readonly timeZone?: string | undefined
  readonly sleepHours?: { start: string; end: string } | undefined
  readonly workingHours?: { days: string[]; start: string; end: string } | undefined
  readonly isAdmin?: boolean | undefined
}

export interface NormalizedUser {
  readonly name: string
  readonly email: string
  readonly timeZone: string
  readonly sleepHours: DailyHours
  readonly workingHours: WorkingHours
  readonly isAdmin: boolean
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Validates a full user (create, or an update merged over the current one), reporting every field. */
export function normalizeUser(input: UserInput, errors = new FieldErrors()): NormalizedUser {
  const name = (input.name ?? '').trim()
  if (name === '') errors.add('name', 'must not be empty')
  else if (name.length > 200) errors.add('name', 'must be at most 200 characters')
  const email = (input.email ?? '').trim().toLowerCase()
  if (!EMAIL_RE.test(email)) errors.add('email', `must be an email address, got ${JSON.stringify(input.email ?? '')}`)
  const timeZone = input.timeZone ?? 'UTC'
  if (!isValidTimeZone(timeZone)) errors.add('timeZone', `unknown time zone ${JSON.stringify(timeZone)} (use an IANA name such as Europe/Berlin)`)
  const sleepHours = normalizeDailyHours(input.sleepHours ?? DEFAULT_SLEEP_HOURS, 'sleepHours', errors)
  const working = input.workingHours ?? DEFAULT_WORKING_HOURS
  const workingHours = { ...normalizeDailyHours(working, 'workingHours', errors), days: normalizeDays(working.days, 'workingHours.days', errors) }
  errors.throwIfAny()
  return { name, email, timeZone, sleepHours, workingHours, isAdmin: input.isAdmin ?? false }
}

function normalizeDailyHours(h: { start: string; end: string }, field: string, errors: FieldErrors): DailyHours {
  const start = parseLocalTime(h.start)
  const end = parseLocalTime(h.end)
  if (start === null) errors.add(`${field}.start`, `must be HH:MM (24h), got ${JSON.stringify(h.start)}`)
  if (end === null) errors.add(`${field}.end`, `must be HH:MM (24h), got ${JSON.stringify(h.end)}`)
  if (start !== null && end !== null && start === end) errors.add(`${field}.end`, 'must differ from start')
  return { start: start ?? ('00:00' as LocalTime), end: end ?? ('00:00' as LocalTime) }
}

/** Validates weekday names (mon…sun), reporting the first bad one; returns them in week order. */
export function normalizeDays(days: readonly string[], field: string, errors: FieldErrors): Weekday[] {
  const bad = days.find((d) => !(WEEKDAYS as readonly string[]).includes(d))
  if (bad !== undefined) errors.add(field, `unknown weekday ${JSON.stringify(bad)} (use mon, tue, wed, thu, fri, sat, sun)`)
  else if (days.length === 0) errors.add(field, 'must list at least one weekday')
  return WEEKDAYS.filter((d) => days.includes(d))
}

export interface ContactMethodInput {
  readonly type: string
  readonly address: string
  readonly label?: string | undefined
  readonly interrupting?: boolean | undefined
}

export interface NormalizedContactMethod {
  readonly type: ContactMethodType
  readonly address: string
  readonly label: string
  readonly interrupting: boolean
}

/** Validates a contact method's address for its type. */
export function normalizeContactMethod(input: ContactMethodInput): NormalizedContactMethod {
  const errors = new FieldErrors()
  const type = input.type as ContactMethodType
  if (!CONTACT_METHOD_TYPES.includes(type)) {
    errors.add('type', `must be one of ${CONTACT_METHOD_TYPES.join(', ')}, got ${JSON.stringify(input.type)}`)
    errors.throwIfAny()
  }
  const address = input.address.trim()
  const problem = addressProblem(type, address)
  if (problem !== null) errors.add('address', problem)
  const label = (input.label ?? '').trim() || `${type} ${address.slice(0, 40)}`
  if (label.length > 100) errors.add('label', 'must be at most 100 characters')
  errors.throwIfAny()
  return { type, address: type === 'email' ? address.toLowerCase() : address, label, interrupting: input.interrupting ?? INTERRUPTING_BY_DEFAULT[type] }
}

function addressProblem(type: ContactMethodType, address: string): string | null {
  switch (type) {
    case 'email':
      return EMAIL_RE.test(address) ? null : 'must be an email address'
    case 'webhook':
    case 'slack':
      return isHttpUrl(address) ? null : 'must be an http(s) URL'
    case 'sms':
    case 'voice':
      return /^\+[1-9]\d{6,14}$/.test(address) ? null : 'must be a phone number in E.164 form, e.g. +4915112345678'
    case 'push':
      return address.length >= 8 && address.length <= 4096 ? null : 'must be a device token of 8 to 4096 characters'
  }
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s)
    return u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    return false
  }
}

export interface NotificationRuleInput {
  readonly contactMethodId: string
  readonly urgency: string
  readonly delayMinutes?: number | undefined
}

/** Validates a notification rule's shape (ownership of the contact method is checked by the store). */
export function normalizeNotificationRule(input: NotificationRuleInput): { contactMethodId: string; urgency: Urgency; delayMinutes: number } {
  const errors = new FieldErrors()
  if (!URGENCIES.includes(input.urgency as Urgency)) errors.add('urgency', `must be high or low, got ${JSON.stringify(input.urgency)}`)
  const delay = input.delayMinutes ?? 0
  if (!Number.isInteger(delay) || delay < 0 || delay > 1440) errors.add('delayMinutes', 'must be a whole number of minutes from 0 to 1440')
  errors.throwIfAny()
  return { contactMethodId: input.contactMethodId, urgency: input.urgency as Urgency, delayMinutes: delay }
}
