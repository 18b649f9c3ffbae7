import type { Alert } from '../alerts/index.js'
import { alertLabels } from './match.js'

/** The values a template may use: {{alert.summary}}, {{alert.labels.instance}}, {{service.name}}… */
export function templateValues(alert: Alert, serviceName: string): Record<string, string> {
  const values: Record<string, string> = {
    'alert.id': alert.id,
    'alert.summary': alert.summary,
    'alert.dedupKey': alert.dedupKey,
    'alert.source': alert.source,
    'alert.severity': alert.severity,
    'alert.urgency': alert.urgency,
    'service.name': serviceName,
    'service.id': alert.serviceId,
  }
  for (const [k, v] of Object.entries(alertLabels(alert))) values[`alert.labels.${k}`] = v
  return values
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.-]+)\s*\}\}/g

/** Substitutes placeholders in a string; unknown ones become empty. `encode` applies to values (URLs). */
export function fill(text: string, values: Record<string, string>, encode: (s: string) => string = (s) => s): string {
  return text.replace(PLACEHOLDER, (_m, key: string) => encode(values[key] ?? ''))
}

/** Fills every string inside a JSON value; the result is serialized by the caller, so quotes stay safe. */
export function fillJson(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return fill(value, values)
  if (Array.isArray(value)) return value.map((v) => fillJson(v, values))
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, values)]))
  return value
}
