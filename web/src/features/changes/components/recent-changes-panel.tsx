import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { useAsync } from '../../../hooks/use-async'
import { usePolling } from '../../../hooks/use-polling'
import { zoneLabel, type Instant } from '../../../lib/time'
import { getAlertRecentChanges } from '../api/get-alert-recent-changes'
import { RecentChangeItem } from './recent-change-item'

interface RecentChangesPanelProps {
  readonly alertId: string
  /** When the alert opened: changes are dated against it. */
  readonly alertAt: Instant
  readonly serviceName: string
  /** The viewer's zone. */
  readonly zone: string
}

const REFRESH_MS = 30_000

/**
 * "During an incident, change first": deployments and change requests on the alert's service, its
 * dependencies and direct dependents in the 24 h before it, newest first; those in the 3 h before
 * the alert are flagged as likely causes, each with its rollback plan and a Roll back button.
 */
export function RecentChangesPanel({ alertId, alertAt, serviceName, zone }: RecentChangesPanelProps) {
  const [notice, setNotice] = useState<string>()
  const changes = useAsync((signal) => getAlertRecentChanges(alertId, signal), [alertId])
  usePolling(changes.reload, REFRESH_MS)
  const items = changes.data ?? []
  const likely = items.filter((c) => c.within3h).length
  return (
    <section className={likely > 0 ? 'card recent-changes recent-changes--likely' : 'card recent-changes'} aria-labelledby="recent-changes-heading" data-testid="recent-changes">
      <div className="section__header">
        <h2 id="recent-changes-heading">Recent changes</h2>
        <span className="muted">
          {likely > 0 ? `${likely === 1 ? '1 change' : `${likely} changes`} in the 3 h before the alert · ` : ''}times in {zoneLabel(alertAt, zone)}
        </span>
      </div>
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      {changes.error !== undefined && <p className="text-danger">Could not load the recent changes: {changes.error.message}</p>}
      {changes.data !== undefined && items.length === 0 && (
        <p className="empty">No deployments or changes on {serviceName}, its dependencies or dependents in the 24 h before this alert.</p>
      )}
      {items.length > 0 && (
        <ol className="recent-changes__list">
          {items.map((c) => (
            <RecentChangeItem
              key={`${c.kind}-${c.id}`}
              change={c}
              alertAt={alertAt}
              zone={zone}
              onRolledBack={(message) => {
                setNotice(message)
                changes.reload()
              }}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
