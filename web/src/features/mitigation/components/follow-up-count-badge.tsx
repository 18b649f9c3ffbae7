import { useEffect } from 'react'
import { useAsync } from '../../../hooks/use-async'
import { usePolling } from '../../../hooks/use-polling'
import { useLocation } from '../../../lib/history'
import { getFollowUps } from '../api/get-follow-ups'
import { onFollowUpsChanged } from '../utils/follow-up-events'

const REFRESH_MS = 60_000

/**
 * The number of open follow-ups, for the navigation bar; nothing when there are none. It counts
 * again on every page change, every minute, and when a page closes one.
 */
export function FollowUpCountBadge() {
  const { pathname } = useLocation()
  const open = useAsync((signal) => getFollowUps({ status: 'open' }, signal), [pathname])
  const { reload } = open
  usePolling(reload, REFRESH_MS)
  useEffect(() => onFollowUpsChanged(reload), [reload])
  const count = open.data?.length ?? 0
  if (count === 0) return null
  return (
    <span className="nav__count" data-testid="follow-up-count">
      {count}<span className="visually-hidden"> open</span>
    </span>
  )
}
