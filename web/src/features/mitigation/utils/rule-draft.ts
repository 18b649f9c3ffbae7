import type { MitigationMatch, MitigationRule } from '../../../types/api'
import type { MitigationRuleInput } from '../api/create-mitigation-rule'

/** The severities an alert can have, most severe first (the API's list). */
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const

/** A rule as the form edits it: numbers and JSON stay text until sent, so half-typed values are kept. */
export interface RuleDraft {
  readonly serviceId: string
  readonly name: string
  readonly summaryPattern: string
  readonly dedupKeyPattern: string
  /** One `key=value` per line. */
  readonly labels: string
  readonly severities: readonly string[]
  readonly source: string
  readonly actionType: 'http' | 'agent'
  readonly method: string
  readonly url: string
  /** JSON, or empty for no body. */
  readonly body: string
  readonly agentId: string
  readonly command: string
  readonly timeoutSeconds: string
  readonly mode: 'before' | 'parallel'
  readonly verifyMinutes: string
  readonly maxRuns: string
  readonly perMinutes: string
  /** Empty keeps the current one when editing (the API never shows it back). */
  readonly followUpWebhookUrl: string
}

/** A new rule: an HTTP POST that holds the page, verified for 10 minutes, at most 3 runs an hour (the API's defaults). */
export function emptyRuleDraft(serviceId: string): RuleDraft {
  return {
    serviceId, name: '', summaryPattern: '', dedupKeyPattern: '', labels: '', severities: [], source: '',
    actionType: 'http', method: 'POST', url: '', body: '', agentId: '', command: '', timeoutSeconds: '60',
    mode: 'before', verifyMinutes: '10', maxRuns: '3', perMinutes: '60', followUpWebhookUrl: '',
  }
}

/** The draft for editing `rule`. */
export function draftFromRule(rule: MitigationRule): RuleDraft {
  const a = rule.action
  return {
    ...emptyRuleDraft(rule.serviceId),
    name: rule.name,
    summaryPattern: rule.match.summaryPattern ?? '',
    dedupKeyPattern: rule.match.dedupKeyPattern ?? '',
    labels: Object.entries(rule.match.labels ?? {}).map(([k, v]) => `${k}=${v}`).join('\n'),
    severities: rule.match.severities ?? [],
    source: rule.match.source ?? '',
    actionType: a.type,
    ...(a.type === 'http'
      ? { method: a.method, url: a.url, body: a.body === undefined || a.body === null ? '' : JSON.stringify(a.body, null, 2) }
      : { agentId: a.agentId, command: a.command }),
    timeoutSeconds: String(a.timeoutSeconds),
    mode: rule.mode,
    verifyMinutes: String(rule.verifyMinutes),
    maxRuns: String(rule.loopGuard.maxRuns),
    perMinutes: String(rule.loopGuard.perMinutes),
  }
}

const isInt = (text: string) => /^\s*-?\d+\s*$/.test(text)
const toInt = (text: string) => (isInt(text) ? Number(text) : Number.NaN)

/** Reads `key=value` lines into labels; blank lines are skipped. Returns the first bad line's number on error. */
export function parseLabels(text: string): { readonly labels: Record<string, string> } | { readonly badLine: number } {
  const labels: Record<string, string> = {}
  const lines = text.split('\n')
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim()
    if (line === '') continue
    const eq = line.indexOf('=')
    if (eq <= 0) return { badLine: i + 1 }
    labels[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  }
  return { labels }
}

function parseBody(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string } {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (err) {
    return { ok: false, reason: `is not valid JSON: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/**
 * What must be fixed before sending, keyed like the API's fields (`action.url`, `loopGuard.maxRuns`):
 * a missing service or name, numbers that are not whole, labels that are not `key=value`, a body
 * that is not JSON. Ranges, patterns and "at least one condition" are the API's to judge.
 */
export function ruleDraftErrors(draft: RuleDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  if (draft.serviceId === '') errors['serviceId'] = 'Choose the service whose alerts it mitigates'
  if (draft.name.trim() === '') errors['name'] = 'Enter a name'
  const labels = parseLabels(draft.labels)
  if ('badLine' in labels) errors['match.labels'] = `Line ${labels.badLine} is not key=value`
  if (draft.actionType === 'http') {
    const body = parseBody(draft.body)
    if (!body.ok) errors['action.body'] = `The body ${body.reason}`
  } else {
    if (draft.agentId === '') errors['action.agentId'] = 'Choose the agent that runs the command'
    if (draft.command.trim() === '') errors['action.command'] = "Choose a command from the agent's allow-list"
  }
  if (!isInt(draft.timeoutSeconds)) errors['action.timeoutSeconds'] = 'Enter a whole number of seconds'
  if (!isInt(draft.verifyMinutes)) errors['verifyMinutes'] = 'Enter a whole number of minutes'
  if (!isInt(draft.maxRuns)) errors['loopGuard.maxRuns'] = 'Enter a whole number'
  if (!isInt(draft.perMinutes)) errors['loopGuard.perMinutes'] = 'Enter a whole number of minutes'
  return errors
}

/** The API body for a draft; check `ruleDraftErrors` first. Empty match fields are left out. */
export function ruleDraftToInput(draft: RuleDraft): MitigationRuleInput {
  const labels = parseLabels(draft.labels)
  const labelMap = 'labels' in labels ? labels.labels : {}
  const match: { -readonly [K in keyof MitigationMatch]: MitigationMatch[K] } = {}
  if (draft.summaryPattern.trim() !== '') match.summaryPattern = draft.summaryPattern.trim()
  if (draft.dedupKeyPattern.trim() !== '') match.dedupKeyPattern = draft.dedupKeyPattern.trim()
  if (Object.keys(labelMap).length > 0) match.labels = labelMap
  if (draft.severities.length > 0) match.severities = SEVERITIES.filter((s) => draft.severities.includes(s))
  if (draft.source.trim() !== '') match.source = draft.source.trim()
  const body = parseBody(draft.body)
  const timeoutSeconds = toInt(draft.timeoutSeconds)
  const action: MitigationRuleInput['action'] =
    draft.actionType === 'http'
      ? { type: 'http', method: draft.method, url: draft.url.trim(), ...(body.ok && body.value !== undefined && draft.method !== 'GET' ? { body: body.value } : {}), timeoutSeconds }
      : { type: 'agent', agentId: draft.agentId, command: draft.command.trim(), timeoutSeconds }
  return {
    name: draft.name.trim(),
    match,
    action,
    mode: draft.mode,
    verifyMinutes: toInt(draft.verifyMinutes),
    loopGuard: { maxRuns: toInt(draft.maxRuns), perMinutes: toInt(draft.perMinutes) },
    ...(draft.followUpWebhookUrl.trim() === '' ? {} : { followUpWebhookUrl: draft.followUpWebhookUrl.trim() }),
  }
}
