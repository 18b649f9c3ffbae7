import { useEffect } from 'react'
import { useAsync } from '../../../hooks/use-async'
import { usePolling } from '../../../hooks/use-polling'
import { useLocation } from '../../../lib/history'
import { serverClockOffset, serverNow } from '../../../lib/server-clock'
import { getApprovalInbox } from '../api/get-approval-inbox'
import { onApprovalsChanged } from '../utils/approval-events'

const REFRESH_MS = 60_000

/**
 * How many changes and freeze exceptions wait for the signed-in person's decision, for the
 * navigation bar; nothing when none do. Counts again on every page change, every minute, and
 * when a page approves something.
 */
export function ApprovalCountBadge({ user }: { readonly user: { readonly id: string; readonly isAdmin: boolean } }) {
  const { pathname } = useLocation()
  const inbox = useAsync(async (signal) => getApprovalInbox(user, serverNow(await serverClockOffset()), signal), [pathname, user.id])
  const { reload } = inbox
  usePolling(reload, REFRESH_MS)
  useEffect(() => onApprovalsChanged(reload), [reload])
  const count = (inbox.data?.approvals.length ?? 0) + (inbox.data?.exceptions.length ?? 0)
  if (count === 0) return null
  return (
    <span className="nav__count" data-testid="approval-count">
      {count}<span className="visually-hidden"> waiting for your approval</span>
    </span>
  )
}
