import type { EventCondition, EventConditionOp, EventRule, EventRuleActions } from '../../../types/api'
import type { EventRuleInput } from '../api/create-event-rule'

/** The event fields a condition can test directly; `details` and `labels` take a path. */
export const EVENT_FIELDS = ['summary', 'source', 'severity', 'component', 'group', 'class', 'dedupKey'] as const
export type FieldKind = (typeof EVENT_FIELDS)[number] | 'details' | 'labels'
export const OPS: readonly { readonly value: EventConditionOp; readonly label: string }[] = [
  { value: 'contains', label: 'contains' },
  { value: 'equals', label: 'equals' },
  { value: 'matches', label: 'matches regex' },
  { value: 'in', label: 'is one of' },
  { value: 'exists', label: 'exists' },
]

/** One condition as the builder edits it. */
export interface ConditionDraft {
  /** Stable React key; not sent. */
  readonly key: string
  readonly fieldKind: FieldKind
  /** `details.<path>` or `labels.<name>`: the part after the dot. */
  readonly path: string
  readonly op: EventConditionOp
  readonly value: string
  /** `in`: comma separated. */
  readonly values: string
  readonly pattern: string
  readonly ignoreCase: boolean
}

/** A rule as the form edits it: numbers stay text until sent. */
export interface EventRuleDraft {
  readonly name: string
  readonly disabled: boolean
  readonly conditions: readonly ConditionDraft[]
  readonly suppress: boolean
  readonly setUrgency: '' | 'high' | 'low'
  /** Service id, or '' to keep the alert on this service. */
  readonly routeTo: string
  readonly pageIfFires: boolean
  readonly times: string
  readonly withinMinutes: string
  readonly per: 'dedupKey' | 'rule'
  readonly pageIfStillOpen: boolean
  readonly stillOpenMinutes: string
}

let nextKey = 0
const newKey = () => `c${++nextKey}`

/** A fresh condition: summary contains … */
export function emptyCondition(): ConditionDraft {
  return { key: newKey(), fieldKind: 'summary', path: '', op: 'contains', value: '', values: '', pattern: '', ignoreCase: false }
}

/** A new rule with one empty condition and no action chosen. */
export function emptyEventRuleDraft(): EventRuleDraft {
  return {
    name: '', disabled: false, conditions: [emptyCondition()], suppress: false, setUrgency: '', routeTo: '',
    pageIfFires: false, times: '3', withinMinutes: '10', per: 'dedupKey', pageIfStillOpen: false, stillOpenMinutes: '10',
  }
}

function conditionDraft(c: EventCondition): ConditionDraft {
  const [head, ...rest] = c.field.split('.')
  const fieldKind = (head === 'details' || head === 'labels') && rest.length > 0 ? head : (c.field as FieldKind)
  return {
    ...emptyCondition(),
    fieldKind,
    path: fieldKind === 'details' || fieldKind === 'labels' ? rest.join('.') : '',
    op: c.op,
    value: c.value === undefined ? '' : String(c.value),
    values: (c.values ?? []).join(', '),
    pattern: c.pattern ?? '',
    ignoreCase: c.ignoreCase ?? false,
  }
}

/** The draft for editing `rule`. */
export function draftFromEventRule(rule: EventRule): EventRuleDraft {
  const a = rule.actions
  return {
    ...emptyEventRuleDraft(),
    name: rule.name,
    disabled: rule.disabled,
    conditions: rule.conditions.map(conditionDraft),
    suppress: a.suppress,
    setUrgency: a.setUrgency ?? '',
    routeTo: a.routeTo ?? '',
    pageIfFires: a.pageIfFires !== null,
    ...(a.pageIfFires === null ? {} : { times: String(a.pageIfFires.times), withinMinutes: String(a.pageIfFires.withinMinutes), per: a.pageIfFires.per }),
    pageIfStillOpen: a.pageIfStillOpenAfter !== null,
    ...(a.pageIfStillOpenAfter === null ? {} : { stillOpenMinutes: String(a.pageIfStillOpenAfter.minutes) }),
  }
}

/** The field a condition tests, as the API names it. */
export const fieldOf = (c: ConditionDraft): string => (c.fieldKind === 'details' || c.fieldKind === 'labels' ? `${c.fieldKind}.${c.path.trim()}` : c.fieldKind)

const isInt = (text: string) => /^\s*\d+\s*$/.test(text)
const splitValues = (text: string) => text.split(',').map((v) => v.trim()).filter((v) => v !== '')

/** What cannot be sent, keyed like the API's fields (`conditions[0].value`) so errors show in the same place. */
export function eventRuleDraftErrors(d: EventRuleDraft): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {}
  if (d.name.trim() === '') errors['name'] = 'Name it: suppressed and held events show which rule acted'
  d.conditions.forEach((c, i) => {
    const at = `conditions[${i}]`
    if ((c.fieldKind === 'details' || c.fieldKind === 'labels') && c.path.trim() === '') errors[`${at}.field`] = c.fieldKind === 'labels' ? 'Enter the label name' : 'Enter the path, e.g. region or hosts.0'
    if ((c.op === 'equals' || c.op === 'contains') && c.value === '') errors[`${at}.value`] = 'Enter the text to look for'
    if (c.op === 'matches' && c.pattern === '') errors[`${at}.pattern`] = 'Enter a regular expression'
    if (c.op === 'in' && splitValues(c.values).length === 0) errors[`${at}.values`] = 'Enter one or more values, comma separated'
  })
  if (!d.suppress && d.setUrgency === '' && d.routeTo === '' && !d.pageIfFires && !d.pageIfStillOpen) errors['actions'] = 'Choose at least one action'
  if (d.pageIfFires && !isInt(d.times)) errors['actions.pageIfFires.times'] = 'Enter a whole number'
  if (d.pageIfFires && !isInt(d.withinMinutes)) errors['actions.pageIfFires.withinMinutes'] = 'Enter whole minutes'
  if (d.pageIfStillOpen && !isInt(d.stillOpenMinutes)) errors['actions.pageIfStillOpenAfter.minutes'] = 'Enter whole minutes'
  return errors
}

function conditionInput(c: ConditionDraft): EventCondition {
  const field = fieldOf(c)
  switch (c.op) {
    case 'equals':
    case 'contains':
      return { field, op: c.op, value: c.value, ignoreCase: c.ignoreCase }
    case 'matches':
      return { field, op: 'matches', pattern: c.pattern, ignoreCase: c.ignoreCase }
    case 'in':
      return { field, op: 'in', values: splitValues(c.values) }
    case 'exists':
      return { field, op: 'exists' }
  }
}

/** The API body for a draft; every action is sent, so an edit clears the ones switched off. */
export function eventRuleDraftToInput(d: EventRuleDraft): EventRuleInput {
  const actions: EventRuleActions = {
    suppress: d.suppress,
    setUrgency: d.setUrgency === '' ? null : d.setUrgency,
    routeTo: d.routeTo === '' ? null : d.routeTo,
    pageIfFires: d.pageIfFires ? { times: Number(d.times), withinMinutes: Number(d.withinMinutes), per: d.per } : null,
    pageIfStillOpenAfter: d.pageIfStillOpen ? { minutes: Number(d.stillOpenMinutes) } : null,
  }
  return { name: d.name.trim(), disabled: d.disabled, conditions: d.conditions.map(conditionInput), actions }
}
