import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { Link } from '../../../components/link'
import { channelLabel } from '../../../lib/channels'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { NotificationRecord } from '../../../types/api'

interface DeadLetterListProps {
  readonly notifications: readonly NotificationRecord[]
  readonly nameOf: (userId: string) => string
  readonly zone: string
  /** Sends one again; the list reloads afterwards. */
  readonly onRetry: (notification: NotificationRecord) => Promise<void>
}

/** What a message was about, without repeating a one-time code from its subject. */
function aboutText(n: NotificationRecord): string {
  if (n.kind === 'verification') return 'Verification code'
  if (n.kind === 'test') return 'Test notification'
  return n.subject
}

/** Messages Tend gave up on after its retries, each with the last error and a Retry button. */
export function DeadLetterList({ notifications, nameOf, zone, onRetry }: DeadLetterListProps) {
  const [error, setError] = useState<string>()
  const [retrying, setRetrying] = useState<string>()
  const when = (iso: string) => `${formatDateTime(parseInstant(iso), zone)} ${zoneAbbreviation(parseInstant(iso), zone)}`

  const retry = async (n: NotificationRecord) => {
    setRetrying(n.id)
    setError(undefined)
    try {
      await onRetry(n)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setRetrying(undefined)
    }
  }

  if (notifications.length === 0) return <p className="empty">Nothing here: every message was delivered or is still being tried.</p>
  return (
    <>
      {error !== undefined && <Alert>{error}</Alert>}
      <div className="table-wrap">
        <table className="table" aria-label="Dead letter">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Channel</th>
              <th scope="col">About</th>
              <th scope="col">Last error</th>
              <th scope="col" className="table__num">Attempts</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {notifications.map((n) => (
              <tr key={n.id}>
                <td className="nowrap">{nameOf(n.userId)}<p className="muted table__sub">{when(n.createdAt)}</p></td>
                <td>{channelLabel(n.channel)}</td>
                <td className="table__text">{n.alertId === null ? aboutText(n) : <Link to={`/alerts/${n.alertId}`}>{aboutText(n)}</Link>}</td>
                <td className="table__text text-danger">{n.lastError ?? '—'}</td>
                <td className="table__num">{n.attempts}</td>
                <td>
                  <button type="button" className="button button--small" disabled={retrying === n.id} onClick={() => void retry(n)}>
                    {retrying === n.id ? 'Retrying…' : 'Retry'}
                    <span className="visually-hidden"> {channelLabel(n.channel)} to {nameOf(n.userId)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
