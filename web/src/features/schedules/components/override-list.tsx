import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { formatDateTime, formatRelative, parseInstant, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { Override } from '../../../types/api'

interface OverrideListProps {
  readonly overrides: readonly Override[]
  readonly names: ReadonlyMap<string, string>
  readonly zone: string
  readonly now: Instant
  /** Removes an override; the list reloads afterwards. */
  readonly onRemove: (override: Override) => Promise<void>
}

/** Upcoming and current overrides of a schedule, soonest first, each removable until it ends. */
export function OverrideList({ overrides, names, zone, now, onRemove }: OverrideListProps) {
  const [error, setError] = useState<string>()
  const [removing, setRemoving] = useState<string>()
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? 'Unknown person'))
  const at = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`
  const sorted = [...overrides].sort((a, b) => a.start.localeCompare(b.start))

  const remove = async (o: Override) => {
    if (!window.confirm(`Remove the override for ${nameOf(o.userId)} from ${at(o.start)}?`)) return
    setRemoving(o.id)
    setError(undefined)
    try {
      await onRemove(o)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setRemoving(undefined)
    }
  }

  if (sorted.length === 0) return <p className="empty">No upcoming overrides.</p>
  return (
    <>
      {error !== undefined && <Alert>{error}</Alert>}
      <ul className="override-list" aria-label="Upcoming overrides">
        {sorted.map((o) => (
          <li key={o.id} className="override-list__item">
            <div>
              <p>
                <strong>{nameOf(o.userId)}</strong>
                {o.replacesUserId !== null && <> replaces <strong>{nameOf(o.replacesUserId)}</strong></>}{' '}
                <span className="badge badge--override">{o.kind}</span>
              </p>
              <p className="muted">
                {at(o.start)} → {at(o.end)}
                {parseInstant(o.start) > now ? ` · starts ${formatRelative(parseInstant(o.start), now)}` : ' · in progress'}
              </p>
              {o.reason !== '' && <p className="override-list__reason">“{o.reason}”</p>}
            </div>
            <button type="button" className="button button--small button--danger" disabled={removing === o.id} onClick={() => void remove(o)}>
              Remove<span className="visually-hidden"> override for {nameOf(o.userId)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}
