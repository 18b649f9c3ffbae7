import { useState } from 'react'
import { Alert } from '../../components/alert'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getApprovalInbox } from '../../features/changes/api/get-approval-inbox'
import { ApprovalCard } from '../../features/changes/components/approval-card'
import { ChangesTabs } from '../../features/changes/components/changes-tabs'
import { ExceptionCard } from '../../features/changes/components/exception-card'
import { announceApprovalsChanged } from '../../features/changes/utils/approval-events'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { usePolling } from '../../hooks/use-polling'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { zoneLabel } from '../../lib/time'

const REFRESH_MS = 30_000

/** What waits for the signed-in person: submitted changes they may approve (never their own) and freeze exceptions they may grant. */
export function ChangesInboxRoute() {
  useDocumentTitle('Approvals')
  const { user } = useAuth()
  const [notice, setNotice] = useState<string>()
  const clock = useAsync(() => serverClockOffset(), [])
  const inbox = useAsync(async (signal) => getApprovalInbox(user, serverNow(await serverClockOffset()), signal), [user.id])
  usePolling(inbox.reload, REFRESH_MS)
  const zone = user.timeZone
  const onDone = (message: string) => {
    setNotice(message)
    inbox.reload()
    announceApprovalsChanged()
  }

  return (
    <>
      <div className="page__header">
        <h1>Approvals</h1>
        <p className="muted page__lead">
          Changes that need a second pair of eyes: you can approve those on your teams’ services, never your own (two-person rule). Times in your zone,{' '}
          {zoneLabel(serverNow(clock.data), zone)}.
        </p>
      </div>
      <ChangesTabs current="/changes/inbox" />
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      <LoadState loading={inbox.loading && inbox.data === undefined} error={inbox.error} retry={inbox.reload} />
      {inbox.data !== undefined && (
        <>
          <section className="section" aria-labelledby="to-approve-heading">
            <h2 id="to-approve-heading" className="section__title">Waiting for your approval</h2>
            {inbox.data.approvals.length === 0 ? (
              <p className="empty">Nothing to approve.</p>
            ) : (
              <div className="approval-list">{inbox.data.approvals.map((c) => <ApprovalCard key={c.id} change={c} zone={zone} onApproved={onDone} />)}</div>
            )}
          </section>
          <section className="section" aria-labelledby="exceptions-heading">
            <h2 id="exceptions-heading" className="section__title">Freeze exceptions to decide</h2>
            <p className="muted">Open changes planned inside a freeze you approve exceptions for. An exception lifts only that freeze, only for that change.</p>
            {inbox.data.exceptions.length === 0 ? (
              <p className="empty">No change waits for a freeze exception from you.</p>
            ) : (
              <div className="approval-list">{inbox.data.exceptions.map((r) => <ExceptionCard key={`${r.change.id}-${r.freeze.id}`} request={r} zone={zone} onGranted={onDone} />)}</div>
            )}
          </section>
        </>
      )}
    </>
  )
}
