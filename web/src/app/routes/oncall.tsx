import { useEffect } from 'react'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getOnCall } from '../../features/oncall/api/get-oncall'
import { OnCallList } from '../../features/oncall/components/oncall-list'
import { getSchedules } from '../../features/schedules/api/get-schedules'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useAtParam } from '../../hooks/use-at-param'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../lib/time'

const REFRESH_MS = 60_000

/** The home page: who is on call now on every schedule, by team. */
export function OnCallRoute() {
  useDocumentTitle('On call now')
  const { user } = useAuth()
  const at = useAtParam()
  const { data, error, loading, reload } = useAsync(
    (signal) => Promise.all([getOnCall({ at, signal }), getSchedules(signal), getTeams(signal)]),
    [at],
  )
  useEffect(() => {
    if (at !== undefined) return
    const timer = window.setInterval(reload, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [at, reload])

  const asOf = data?.[0][0]?.at
  return (
    <>
      <div className="page__header">
        <h1>On call now</h1>
        {asOf !== undefined && (
          <p className="muted">
            As of {formatDateTime(parseInstant(asOf), user.timeZone)} {zoneAbbreviation(parseInstant(asOf), user.timeZone)} (your zone, {user.timeZone})
          </p>
        )}
      </div>
      <LoadState loading={loading && data === undefined} error={error} retry={reload} />
      {data !== undefined && <OnCallList items={data[0]} schedules={data[1]} teams={data[2]} />}
    </>
  )
}
