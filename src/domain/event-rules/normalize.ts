/**
 * Validation of event rules: input in, a validated EventRule out, or an E_VALIDATION error
 * listing every bad field by path (`conditions[1].pattern`). Regexes are compiled and vetted
 * here (see safe-regex.ts) so a bad pattern is a field error, never a failure at intake.
 */
import { FieldErrors } from '../../lib/errors.js'
import { EVENT_FIELDS } from './conditions.js'
import {
  CONDITION_OPS,
  RULE_SEVERITIES,
  RULE_URGENCIES,
  type EventCondition,
  type EventRule,
  type EventRuleActions,
  type PageIfFires,
} from './model.js'
import { regexProblem } from './safe-regex.js'

/** A condition as received. */
export interface EventConditionInput {
  readonly field?: string | undefined
  readonly op?: string | undefined
  readonly value?: unknown
  readonly values?: readonly unknown[] | undefined
  readonly pattern?: string | undefined
  readonly ignoreCase?: boolean | undefined
}

/** Actions as received; absent means "not set". */
export interface EventRuleActionsInput {
  readonly suppress?: boolean | undefined
  readonly setUrgency?: string | null | undefined
  readonly routeTo?: string | null | undefined
  readonly pageIfFires?: { readonly times?: number; readonly withinMinutes?: number; readonly per?: string } | null | undefined
  readonly pageIfStillOpenAfter?: { readonly minutes?: number } | null | undefined
}

/** An event rule as received. */
export interface EventRuleInput {
  readonly id?: string | undefined
  readonly disabled?: boolean | undefined
  readonly conditions?: readonly EventConditionInput[] | undefined
  readonly actions?: EventRuleActionsInput | undefined
}

/** Upper bounds that keep one event's rule evaluation cheap. */
export const EVENT_RULE_LIMITS = Object.freeze({
  idLength: 100,
  conditions: 20,
  values: 50,
  valueLength: 500,
  fieldLength: 200,
  times: { min: 2, max: 100 },
  withinMinutes: { min: 1, max: 1440 },
  stillOpenMinutes: { min: 1, max: 1440 },
})

const PATH_SEGMENT = /^[^.\s]+$/

function fieldProblem(field: string): string | null {
  if (field.length > EVENT_RULE_LIMITS.fieldLength) return `at most ${EVENT_RULE_LIMITS.fieldLength} characters`
  if ((EVENT_FIELDS as readonly string[]).includes(field)) return null
  const [head, ...path] = field.split('.')
  if ((head === 'details' || head === 'labels') && path.length > 0 && path.every((s) => PATH_SEGMENT.test(s))) return null
  return `must be one of ${EVENT_FIELDS.join(', ')}, details.<path> or labels.<name>`
}

function text(errors: FieldErrors, at: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > EVENT_RULE_LIMITS.valueLength) {
    errors.add(at, `must be text of 1 to ${EVENT_RULE_LIMITS.valueLength} characters`)
    return ''
  }
  return value
}

function checkSeverity(errors: FieldErrors, at: string, field: string, values: readonly string[]): void {
  const bad = values.filter((v) => !(RULE_SEVERITIES as readonly string[]).includes(v))
  if (field === 'severity' && bad.length > 0) errors.add(at, `severities are ${RULE_SEVERITIES.join(', ')}; got ${bad.join(', ')}`)
}

function normalizeValues(input: EventConditionInput, at: string, errors: FieldErrors): string[] {
  const values = input.values ?? []
  if (values.length === 0 || values.length > EVENT_RULE_LIMITS.values) {
    errors.add(`${at}.values`, `give 1 to ${EVENT_RULE_LIMITS.values} values`)
  }
  return values.map((v, i) => text(errors, `${at}.values[${i}]`, v))
}

function normalizeCondition(input: EventConditionInput, at: string, errors: FieldErrors): EventCondition | null {
  const field = input.field ?? ''
  const problem = fieldProblem(field)
  if (problem !== null) errors.add(`${at}.field`, problem)
  const ignoreCase = input.ignoreCase ?? false
  switch (input.op) {
    case 'equals':
    case 'contains': {
      const value = text(errors, `${at}.value`, input.value)
      checkSeverity(errors, `${at}.value`, field, input.op === 'equals' ? [value] : [])
      return { field, op: input.op, value, ignoreCase }
    }
    case 'matches': {
      const pattern = input.pattern ?? ''
      const regexError = regexProblem(pattern)
      if (regexError !== null) errors.add(`${at}.pattern`, regexError)
      return { field, op: 'matches', pattern, ignoreCase }
    }
    case 'in': {
      const values = normalizeValues(input, at, errors)
      checkSeverity(errors, `${at}.values`, field, values)
      return { field, op: 'in', values }
    }
    case 'exists':
      return { field, op: 'exists' }
    default:
      errors.add(`${at}.op`, `must be one of ${CONDITION_OPS.join(', ')}`)
      return null
  }
}

function wholeNumber(errors: FieldErrors, at: string, value: number | undefined, bounds: { min: number; max: number }): number {
  const n = value ?? Number.NaN
  if (!Number.isInteger(n) || n < bounds.min || n > bounds.max) errors.add(at, `must be a whole number from ${bounds.min} to ${bounds.max}`)
  return n
}

function normalizePageIfFires(input: EventRuleActionsInput['pageIfFires'], errors: FieldErrors): PageIfFires | null {
  if (input === undefined || input === null) return null
  const times = wholeNumber(errors, 'actions.pageIfFires.times', input.times, EVENT_RULE_LIMITS.times)
  const withinMinutes = wholeNumber(errors, 'actions.pageIfFires.withinMinutes', input.withinMinutes, EVENT_RULE_LIMITS.withinMinutes)
  const per = input.per ?? 'dedupKey'
  if (per !== 'dedupKey' && per !== 'rule') errors.add('actions.pageIfFires.per', 'must be dedupKey or rule')
  return { times, withinMinutes, per: per as PageIfFires['per'] }
}

function normalizeActions(input: EventRuleActionsInput, errors: FieldErrors): EventRuleActions {
  const setUrgency = input.setUrgency ?? null
  if (setUrgency !== null && !(RULE_URGENCIES as readonly string[]).includes(setUrgency)) errors.add('actions.setUrgency', 'must be high or low')
  const routeTo = input.routeTo ?? null
  if (routeTo !== null && (routeTo.trim() === '' || routeTo.length > EVENT_RULE_LIMITS.idLength)) errors.add('actions.routeTo', 'must be a service id')
  const stillOpen = input.pageIfStillOpenAfter ?? null
  const actions: EventRuleActions = {
    suppress: input.suppress ?? false,
    setUrgency: setUrgency as EventRuleActions['setUrgency'],
    routeTo,
    pageIfFires: normalizePageIfFires(input.pageIfFires, errors),
    pageIfStillOpenAfter:
      stillOpen === null ? null : { minutes: wholeNumber(errors, 'actions.pageIfStillOpenAfter.minutes', stillOpen.minutes, EVENT_RULE_LIMITS.stillOpenMinutes) },
  }
  checkActionsCombine(actions, errors)
  return actions
}

function checkActionsCombine(a: EventRuleActions, errors: FieldErrors): void {
  const any = a.suppress || a.setUrgency !== null || a.routeTo !== null || a.pageIfFires !== null || a.pageIfStillOpenAfter !== null
  if (!any) errors.add('actions', 'give at least one action')
  if (a.suppress && (a.pageIfFires !== null || a.pageIfStillOpenAfter !== null)) {
    errors.add('actions.suppress', 'a suppressing rule never pages; remove pageIfFires / pageIfStillOpenAfter or suppress')
  }
}

/**
 * Returns a validated copy of an event rule, or throws an E_VALIDATION AppError naming every bad
 * field (regex syntax errors and unsafe patterns included).
 * @example normalizeEventRule({ id: 'r1', conditions: [{ field: 'summary', op: 'contains', value: 'disk' }], actions: { pageIfFires: { times: 3, withinMinutes: 10 } } })
 */
export function normalizeEventRule(input: EventRuleInput): EventRule {
  const errors = new FieldErrors()
  const id = input.id?.trim() ?? ''
  if (id === '' || id.length > EVENT_RULE_LIMITS.idLength) errors.add('id', `required, at most ${EVENT_RULE_LIMITS.idLength} characters`)
  const conditionInputs = input.conditions ?? []
  if (conditionInputs.length > EVENT_RULE_LIMITS.conditions) errors.add('conditions', `at most ${EVENT_RULE_LIMITS.conditions} conditions`)
  const conditions = conditionInputs.map((c, i) => normalizeCondition(c, `conditions[${i}]`, errors))
  const actions = normalizeActions(input.actions ?? {}, errors)
  errors.throwIfAny()
  return { id, disabled: input.disabled ?? false, conditions: conditions as EventCondition[], actions }
}
