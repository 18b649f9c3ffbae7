import { randomUUID } from 'node:crypto'
import { parseInstant } from '../../lib/time/index.js'
import type { AlertEvent, AlertLink } from '../alerts/index.js'
import { SEVERITIES, type Severity } from '../services/index.js'

/**
 * PagerDuty Events API v2 (`POST /v2/enqueue`), read the way PagerDuty documents it:
 * routing_key, event_action trigger|acknowledge|resolve, dedup_key (generated for a trigger
 * without one; required otherwise, at most 255 characters), and for a trigger a payload with
 * summary (≤ 1024), source, severity critical|error|warning|info and optional timestamp,
 * component, group, class, custom_details; links and images at the top level.
 */
export type ParsedV2 = { ok: true; routingKey: string; event: AlertEvent; generatedKey: boolean } | { ok: false; errors: string[] }

const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export function parseEventsV2(body: unknown): ParsedV2 {
  const errors: string[] = []
  const b = obj(body)
  if (b === null) return { ok: false, errors: ['Event object must be a JSON object'] }
  const routingKey = str(b['routing_key'])
  if (routingKey === undefined || routingKey === '') errors.push("'routing_key' is missing or blank")
  const action = b['event_action']
  if (action !== 'trigger' && action !== 'acknowledge' && action !== 'resolve') errors.push("'event_action' must be one of trigger, acknowledge, resolve")
  let dedupKey = str(b['dedup_key'])
  if (b['dedup_key'] !== undefined && dedupKey === undefined) errors.push("'dedup_key' must be a string")
  if (dedupKey !== undefined && dedupKey.length > 255) errors.push("'dedup_key' must be at most 255 characters")
  if ((action === 'acknowledge' || action === 'resolve') && (dedupKey === undefined || dedupKey === '')) errors.push(`'dedup_key' is required to ${action} an alert`)
  const payload = obj(b['payload'])
  let summary = ''
  let source = ''
  let severity: Severity = 'error'
  if (action === 'trigger') {
    if (payload === null) errors.push("'payload' is missing for a trigger event")
    else {
      summary = str(payload['summary']) ?? ''
      if (summary.trim() === '') errors.push("'payload.summary' is missing or blank")
      else if (summary.length > 1024) errors.push("'payload.summary' must be at most 1024 characters")
      source = str(payload['source']) ?? ''
      if (source.trim() === '') errors.push("'payload.source' is missing or blank")
      const sev = payload['severity']
      if (!SEVERITIES.includes(sev as Severity)) errors.push("'payload.severity' must be one of critical, error, warning, info")
      else severity = sev as Severity
      if (payload['timestamp'] !== undefined && (typeof payload['timestamp'] !== 'string' || parseInstant(payload['timestamp']) === null)) {
        errors.push("'payload.timestamp' must be an ISO 8601 timestamp with an offset")
      }
      if (payload['custom_details'] !== undefined && obj(payload['custom_details']) === null && typeof payload['custom_details'] !== 'string') {
        errors.push("'payload.custom_details' must be an object")
      }
    }
  }
  const links = readLinks(b['links'], errors)
  const images = b['images']
  if (images !== undefined && !Array.isArray(images)) errors.push("'images' must be an array")
  if (errors.length > 0 || routingKey === undefined) return { ok: false, errors }
  const generatedKey = dedupKey === undefined || dedupKey === ''
  if (generatedKey) dedupKey = randomUUID().replace(/-/g, '')
  const details: Record<string, unknown> = {}
  const custom = payload?.['custom_details']
  if (custom !== undefined) Object.assign(details, obj(custom) ?? { details: custom })
  if (Array.isArray(images) && images.length > 0) details['images'] = images
  if (b['client'] !== undefined) details['client'] = b['client']
  if (b['client_url'] !== undefined) details['client_url'] = b['client_url']
  const ts = str(payload?.['timestamp'])
  return {
    ok: true,
    routingKey,
    generatedKey,
    event: {
      action: action as AlertEvent['action'],
      dedupKey: dedupKey ?? '',
      summary: summary.trim() || `${action} ${dedupKey}`,
      source: source.trim() || 'unknown',
      severity,
      component: str(payload?.['component']),
      group: str(payload?.['group']),
      class: str(payload?.['class']),
      details,
      links,
      timestamp: ts === undefined ? undefined : (parseInstant(ts) ?? undefined),
    },
  }
}

function readLinks(v: unknown, errors: string[]): AlertLink[] {
  if (v === undefined) return []
  if (!Array.isArray(v)) {
    errors.push("'links' must be an array")
    return []
  }
  const out: AlertLink[] = []
  v.forEach((l, i) => {
    const o = obj(l)
    const href = str(o?.['href'])
    if (href === undefined) errors.push(`'links[${i}].href' is missing`)
    else out.push({ href, text: str(o?.['text']) })
  })
  return out
}

/** A PagerDuty change event (`POST /v2/change/enqueue`): recorded on the service, never pages. */
export type ParsedChange =
  | { ok: true; routingKey: string; change: { summary: string; source: string; timestamp: number | null; details: Record<string, unknown>; links: AlertLink[] } }
  | { ok: false; errors: string[] }

export function parseChangeV2(body: unknown): ParsedChange {
  const errors: string[] = []
  const b = obj(body)
  if (b === null) return { ok: false, errors: ['Event object must be a JSON object'] }
  const routingKey = str(b['routing_key'])
  if (routingKey === undefined || routingKey === '') errors.push("'routing_key' is missing or blank")
  const payload = obj(b['payload'])
  const summary = str(payload?.['summary']) ?? ''
  if (payload === null) errors.push("'payload' is missing")
  else if (summary.trim() === '') errors.push("'payload.summary' is missing or blank")
  else if (summary.length > 1024) errors.push("'payload.summary' must be at most 1024 characters")
  const ts = payload?.['timestamp']
  if (ts !== undefined && (typeof ts !== 'string' || parseInstant(ts) === null)) errors.push("'payload.timestamp' must be an ISO 8601 timestamp with an offset")
  const links = readLinks(b['links'], errors)
  if (errors.length > 0 || routingKey === undefined) return { ok: false, errors }
  return {
    ok: true,
    routingKey,
    change: {
      summary: summary.trim(),
      source: str(payload?.['source']) ?? 'unknown',
      timestamp: typeof ts === 'string' ? parseInstant(ts) : null,
      details: obj(payload?.['custom_details']) ?? {},
      links,
    },
  }
}
