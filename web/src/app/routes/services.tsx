import { LoadState } from '../../components/load-state'
import { getPolicies } from '../../features/escalation/api/get-policies'
import { getServices } from '../../features/services/api/get-services'
import { ServiceCreateDialog } from '../../features/services/components/service-create-dialog'
import { ServiceList } from '../../features/services/components/service-list'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'

/** Every service with its owner, dependencies and escalation policy, and a form to create one. */
export function ServicesRoute() {
  useDocumentTitle('Services')
  const { data, error, loading, reload } = useAsync((signal) => Promise.all([getServices(signal), getTeams(signal), getPolicies(signal)]), [])
  return (
    <>
      <div className="page__header page__header--actions">
        <h1>Services</h1>
        {data !== undefined && <ServiceCreateDialog teams={data[1]} services={data[0]} onCreated={reload} />}
      </div>
      <LoadState loading={loading && data === undefined} error={error} retry={reload} />
      {data !== undefined && <ServiceList services={data[0]} teams={data[1]} policies={data[2]} onChanged={reload} />}
    </>
  )
}
