import { parseInstant } from '../../lib/time/index.js'
import type { AlertEvent } from '../alerts/index.js'
import type { Severity } from '../services/index.js'

/**
 * Prometheus Alertmanager webhook payload, version 4: a group of alerts, each with labels,
 * annotations, status firing|resolved and a fingerprint. Each alert becomes (or updates) one
 * Tend alert keyed by its fingerprint; `resolved` resolves it.
 */
export type ParsedAlertmanager = { ok: true; events: AlertEvent[]; groupKey: string } | { ok: false; errors: string[] }

const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null)
const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v) ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'))

/** Maps the customary `severity` label to an event severity; anything else counts as an error. */
export function severityOfLabel(label: string | undefined): Severity {
  switch ((label ?? '').toLowerCase()) {
    case 'critical':
    case 'page':
    case 'emergency':
      return 'critical'
    case 'warning':
    case 'warn':
      return 'warning'
    case 'info':
    case 'none':
    case 'informational':
      return 'info'
    default:
      return 'error'
  }
}

export function parseAlertmanager(body: unknown): ParsedAlertmanager {
  const b = obj(body)
  if (b === null) return { ok: false, errors: ['the body must be an Alertmanager webhook JSON object'] }
  const errors: string[] = []
  if (b['version'] !== '4') errors.push(`version must be "4" (Alertmanager webhook payload version 4), got ${JSON.stringify(b['version'])}`)
  const alerts = b['alerts']
  if (!Array.isArray(alerts) || alerts.length === 0) errors.push('alerts must be a non-empty array')
  const common = strings(b['commonLabels'])
  const externalURL = typeof b['externalURL'] === 'string' ? b['externalURL'] : undefined
  const events: AlertEvent[] = []
  ;(Array.isArray(alerts) ? alerts : []).forEach((raw, i) => {
    const a = obj(raw)
    if (a === null) return void errors.push(`alerts[${i}] must be an object`)
    const labels = strings(a['labels'])
    const annotations = strings(a['annotations'])
    const status = a['status']
    if (status !== 'firing' && status !== 'resolved') errors.push(`alerts[${i}].status must be firing or resolved`)
    const fingerprint = typeof a['fingerprint'] === 'string' && a['fingerprint'] !== '' ? a['fingerprint'] : null
    if (fingerprint === null) errors.push(`alerts[${i}].fingerprint is missing`)
    const name = labels['alertname'] ?? 'Alert'
    const summary = annotations['summary'] ?? annotations['description'] ?? `${name}${labels['instance'] === undefined ? '' : ` on ${labels['instance']}`}`
    const startsAt = typeof a['startsAt'] === 'string' ? parseInstant(a['startsAt']) : null
    const links = [
      ...(typeof a['generatorURL'] === 'string' && a['generatorURL'] !== '' ? [{ href: a['generatorURL'], text: 'Source (Prometheus)' }] : []),
      ...(externalURL === undefined ? [] : [{ href: externalURL, text: 'Alertmanager' }]),
      ...(annotations['runbook_url'] === undefined ? [] : [{ href: annotations['runbook_url'], text: 'Runbook' }]),
    ]
    events.push({
      action: status === 'resolved' ? 'resolve' : 'trigger',
      dedupKey: fingerprint ?? '',
      summary: summary.slice(0, 1024),
      source: labels['instance'] ?? labels['job'] ?? 'alertmanager',
      severity: severityOfLabel(labels['severity'] ?? common['severity']),
      component: labels['job'],
      group: typeof b['groupKey'] === 'string' ? b['groupKey'] : undefined,
      class: name,
      details: { labels, annotations },
      links,
      timestamp: startsAt ?? undefined,
    })
  })
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, events, groupKey: typeof b['groupKey'] === 'string' ? b['groupKey'] : '' }
}
