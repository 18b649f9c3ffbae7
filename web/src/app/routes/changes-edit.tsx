import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { actOnChange } from '../../features/changes/api/act-on-change'
import type { ChangeInput } from '../../features/changes/api/create-change'
import { getChange } from '../../features/changes/api/get-change'
import { updateChange } from '../../features/changes/api/update-change'
import { ChangeForm } from '../../features/changes/components/change-form'
import { announceApprovalsChanged } from '../../features/changes/utils/approval-events'
import { draftOf } from '../../features/changes/utils/change-draft'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { navigate } from '../../lib/history'
import { serverClockOffset, serverNow } from '../../lib/server-clock'

/** Edits a draft or submitted change (so no approval covers text its approver did not read). */
export function ChangesEditRoute({ changeKey }: { readonly changeKey: string }) {
  useDocumentTitle(`Edit ${changeKey}`)
  const { user } = useAuth()
  const data = useAsync((signal) => Promise.all([getChange(changeKey, signal), getTeams(signal), getServices(signal)]), [changeKey])
  const clock = useAsync(() => serverClockOffset(), [])
  if (data.data === undefined || clock.data === undefined) return <LoadState loading={data.loading || clock.loading} error={data.error} retry={data.reload} />
  const [change, teams, services] = data.data
  const back = `/changes/${change.key}`

  const save = async (input: ChangeInput, submit: boolean) => {
    await updateChange(change.key, input)
    if (submit && change.state === 'draft') await actOnChange(change.key, 'submit').catch(() => undefined)
    announceApprovalsChanged()
    navigate(back)
  }

  return (
    <>
      <div className="page__header">
        <p className="breadcrumb"><Link to="/changes">Change requests</Link> / <Link to={back}>{change.key}</Link> /</p>
        <h1>Edit {change.key}</h1>
      </div>
      {change.state === 'draft' || change.state === 'submitted' ? (
        <ChangeForm initial={draftOf(change, user.timeZone)} services={services} teams={teams} zone={user.timeZone} now={serverNow(clock.data)} editing={change.state} onSave={save} onCancel={() => navigate(back)} />
      ) : (
        <Alert tone="warning"><p>Only drafts and submitted changes can be edited, so no approval covers text its approver did not read. Reopen it as a draft first.</p></Alert>
      )}
    </>
  )
}
