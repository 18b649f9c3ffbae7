import { createHash } from 'node:crypto'
import { parseInstant } from '../../lib/time/index.js'
import type { AlertEvent } from '../alerts/index.js'
import { SEVERITIES, type Severity } from '../services/index.js'

/**
 * The generic JSON webhook's documented mapping (first field present wins):
 * - summary: `summary`, `title`, `message`, `text` (required)
 * - dedup key: `dedup_key`, `dedupKey`, `id`, `fingerprint`; default: a hash of the summary
 * - resolve signal: `action`/`event_action`/`status` equal to `resolve`, `resolved`, `ok`, `recovered`
 *   (acknowledge: `acknowledge`, `ack`); anything else triggers
 * - severity: `severity` (critical|error|warning|info; `high`→critical, `low`→info); urgency:
 *   `urgency` (high|low) overrides the service's rule
 * - source: `source`, `host`, `service`; details: `details` (object) plus every unmapped field
 */
export type ParsedGeneric = { ok: true; event: AlertEvent } | { ok: false; errors: string[] }

const first = (o: Record<string, unknown>, keys: readonly string[]): string | undefined => {
  for (const k of keys) {
    const v = o[k]
    if (typeof v === 'string' && v.trim() !== '') return v.trim()
    if (typeof v === 'number') return String(v)
  }
  return undefined
}

const MAPPED = new Set(['summary', 'title', 'message', 'text', 'dedup_key', 'dedupKey', 'id', 'fingerprint', 'action', 'event_action', 'status', 'severity', 'urgency', 'source', 'host', 'service', 'details', 'timestamp', 'links'])

export function parseGeneric(body: unknown): ParsedGeneric {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, errors: ['the body must be a JSON object'] }
  const o = body as Record<string, unknown>
  const errors: string[] = []
  const summary = first(o, ['summary', 'title', 'message', 'text'])
  if (summary === undefined) errors.push('summary is missing: send one of summary, title, message or text')
  const signal = (first(o, ['action', 'event_action', 'status']) ?? 'trigger').toLowerCase()
  const action = ['resolve', 'resolved', 'ok', 'recovered'].includes(signal) ? 'resolve' : ['acknowledge', 'ack', 'acknowledged'].includes(signal) ? 'acknowledge' : 'trigger'
  const sevRaw = (first(o, ['severity']) ?? 'error').toLowerCase()
  const severity: Severity | null = SEVERITIES.includes(sevRaw as Severity) ? (sevRaw as Severity) : sevRaw === 'high' ? 'critical' : sevRaw === 'low' ? 'info' : null
  if (severity === null) errors.push(`severity must be one of critical, error, warning, info (or high, low), got ${JSON.stringify(sevRaw)}`)
  const urgencyRaw = first(o, ['urgency'])
  if (urgencyRaw !== undefined && urgencyRaw !== 'high' && urgencyRaw !== 'low') errors.push(`urgency must be high or low, got ${JSON.stringify(urgencyRaw)}`)
  const ts = first(o, ['timestamp'])
  if (ts !== undefined && parseInstant(ts) === null) errors.push('timestamp must be an RFC 3339 time with an offset')
  if (errors.length > 0 || summary === undefined || severity === null) return { ok: false, errors }
  const dedupKey = first(o, ['dedup_key', 'dedupKey', 'id', 'fingerprint']) ?? createHash('sha256').update(summary).digest('hex').slice(0, 32)
  const details: Record<string, unknown> = { ...(typeof o['details'] === 'object' && o['details'] !== null ? (o['details'] as Record<string, unknown>) : {}) }
  for (const [k, v] of Object.entries(o)) if (!MAPPED.has(k)) details[k] = v
  return {
    ok: true,
    event: {
      action,
      dedupKey: dedupKey.slice(0, 255),
      summary: summary.slice(0, 1024),
      source: first(o, ['source', 'host', 'service']) ?? 'webhook',
      severity,
      urgency: urgencyRaw as 'high' | 'low' | undefined,
      details,
      links: [],
      timestamp: ts === undefined ? undefined : (parseInstant(ts) ?? undefined),
    },
  }
}
