import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { actOnChange } from '../../features/changes/api/act-on-change'
import { createChange, type ChangeInput } from '../../features/changes/api/create-change'
import { ChangeForm } from '../../features/changes/components/change-form'
import { announceApprovalsChanged } from '../../features/changes/utils/approval-events'
import { EMPTY_DRAFT } from '../../features/changes/utils/change-draft'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { navigate, useLocation } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'

/** A new change request (`?serviceId=` preselects a service): saved as a draft, or submitted for review at once. */
export function ChangesNewRoute() {
  useDocumentTitle('New change request')
  const { user } = useAuth()
  const { search } = useLocation()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal)]), [])
  const clock = useAsync(() => serverClockOffset(), [])
  if (base.data === undefined || clock.data === undefined) return <LoadState loading={base.loading || clock.loading} error={base.error} retry={base.reload} />
  const [teams, services] = base.data
  const preselected = search.get('serviceId')

  const save = async (input: ChangeInput, submit: boolean) => {
    const created = await createChange(input)
    // The draft exists now: if submitting fails, its page says what still blocks it.
    if (submit) await actOnChange(created.key, 'submit').catch(() => undefined)
    announceApprovalsChanged()
    navigate(`/changes/${created.key}`)
  }

  return (
    <>
      <div className="page__header">
        <p className="breadcrumb"><Link to="/changes">Change requests</Link> /</p>
        <h1>New change request</h1>
        <p className="muted page__lead">Name what you touch, what the worst case is and how to get back. Tend checks it as you type.</p>
      </div>
      <ChangeForm
        initial={{ ...EMPTY_DRAFT, serviceIds: preselected !== null && services.some((s) => s.id === preselected) ? [preselected] : [] }}
        services={services}
        teams={teams}
        zone={user.timeZone}
        now={serverNow(clock.data)}
        editing={undefined}
        onSave={save}
        onCancel={() => navigate('/changes')}
      />
    </>
  )
}
