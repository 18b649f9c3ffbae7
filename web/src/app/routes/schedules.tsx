import { LoadState } from '../../components/load-state'
import { getSchedules } from '../../features/schedules/api/get-schedules'
import { ScheduleList } from '../../features/schedules/components/schedule-list'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'

/** Every schedule, linking to its timeline. */
export function SchedulesRoute() {
  useDocumentTitle('Schedules')
  const { data, error, loading, reload } = useAsync((signal) => Promise.all([getSchedules(signal), getTeams(signal)]), [])
  return (
    <>
      <div className="page__header">
        <h1>Schedules</h1>
      </div>
      <LoadState loading={loading && data === undefined} error={error} retry={reload} />
      {data !== undefined && <ScheduleList schedules={data[0]} teams={data[1]} />}
    </>
  )
}
