/**
 * Reading event fields and testing rule conditions against them.
 *
 * Values are compared as text: strings as they are, numbers and booleans in their JavaScript
 * form (`500`, `true`). Objects, arrays, null and absent values match nothing except `exists`
 * (which is true for anything present and not null, objects included).
 */
import type { AlertEvent } from '../alerts/index.js'
import type { EventCondition } from './model.js'
import { MAX_MATCH_INPUT, safeRegexTest } from './safe-regex.js'

/** Top-level event fields a condition can name directly. */
export const EVENT_FIELDS = ['summary', 'source', 'severity', 'component', 'group', 'class', 'dedupKey'] as const
type EventField = (typeof EVENT_FIELDS)[number]

const isEventField = (field: string): field is EventField => (EVENT_FIELDS as readonly string[]).includes(field)

/** Follows a dot path through nested objects and arrays; undefined where it leads nowhere. */
function walk(root: unknown, path: readonly string[]): unknown {
  let value = root
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined
    value = (value as Record<string, unknown>)[segment]
  }
  return value
}

/** Returns the raw value a condition field names in an event (undefined when absent). */
export function fieldValue(event: AlertEvent, field: string): unknown {
  if (isEventField(field)) return event[field]
  const [head, ...path] = field.split('.')
  if (head === 'details') return walk(event.details, path)
  if (head === 'labels') return walk(event.details, ['labels', ...path])
  return undefined
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

const fold = (s: string, ignoreCase: boolean): string => (ignoreCase ? s.toLowerCase() : s)

/** Whether the event satisfies one condition. */
export function conditionMatches(condition: EventCondition, event: AlertEvent): boolean {
  const raw = fieldValue(event, condition.field)
  if (condition.op === 'exists') return raw !== undefined && raw !== null
  const text = asText(raw)
  if (text === null) return false
  switch (condition.op) {
    case 'equals':
      return fold(text, condition.ignoreCase) === fold(condition.value, condition.ignoreCase)
    case 'contains':
      return fold(text.slice(0, MAX_MATCH_INPUT), condition.ignoreCase).includes(fold(condition.value, condition.ignoreCase))
    case 'matches':
      return safeRegexTest(condition.pattern, condition.ignoreCase, text)
    case 'in':
      return condition.values.includes(text)
  }
}

/** Whether the event satisfies every condition (an empty list matches every event). */
export function conditionsMatch(conditions: readonly EventCondition[], event: AlertEvent): boolean {
  return conditions.every((c) => conditionMatches(c, event))
}
