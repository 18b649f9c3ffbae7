import { useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getChange } from '../../features/changes/api/get-change'
import { getFreezes } from '../../features/changes/api/get-freezes'
import { getMyTeamRoles } from '../../features/changes/api/get-my-team-roles'
import { BlastRadiusTable } from '../../features/changes/components/blast-radius-table'
import { ChangeActions } from '../../features/changes/components/change-actions'
import { ChangeApprovals } from '../../features/changes/components/change-approvals'
import { ChangeComments } from '../../features/changes/components/change-comments'
import { ChangeDeployments } from '../../features/changes/components/change-deployments'
import { ChangeFacts } from '../../features/changes/components/change-facts'
import { ChangeFreezeExceptions } from '../../features/changes/components/change-freeze-exceptions'
import { ChangeStateChip } from '../../features/changes/components/change-state-chip'
import { RollbackStepGrades } from '../../features/changes/components/rollback-step-grades'
import { announceApprovalsChanged } from '../../features/changes/utils/approval-events'
import { fieldName } from '../../features/changes/utils/field-names'
import { getTeams } from '../../features/teams/api/get-teams'
import { getUsers } from '../../features/users/api/get-users'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import { zoneLabel } from '../../lib/time'

/** One change request: its state and actions (with the two-person rule), the plan and its grades, blast radius, approvals, freezes, deployments and comments. */
export function ChangesDetailRoute({ changeKey }: { readonly changeKey: string }) {
  const { user } = useAuth()
  const [notice, setNotice] = useState<string>()
  const change = useAsync((signal) => getChange(changeKey, signal), [changeKey])
  const base = useAsync((signal) => Promise.all([getTeams(signal), getUsers(signal), getFreezes({}, signal)]), [])
  const roles = useAsync((signal) => getMyTeamRoles(user.id, signal), [user.id])
  const clock = useAsync(() => serverClockOffset(), [])
  useDocumentTitle(change.data === undefined ? changeKey : `${change.data.key} ${change.data.title}`)

  if (change.data === undefined || clock.data === undefined) {
    return (
      <>
        <p className="breadcrumb"><Link to="/changes">Change requests</Link> /</p>
        <LoadState loading={change.loading} error={change.error} retry={change.reload} />
      </>
    )
  }
  const c = change.data
  const [teams, users, freezes] = base.data ?? [[], [], []]
  const viewer = roles.data === undefined ? undefined : { id: user.id, isAdmin: user.isAdmin, roles: roles.data }
  const zone = user.timeZone
  const now = serverNow(clock.data)
  const teamNames = (ids: readonly string[]) => ids.map((id) => teams.find((t) => t.id === id)?.name ?? 'its team').join(' or ')
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? 'someone'
  const onChanged = (message: string) => {
    setNotice(message)
    change.reload()
    announceApprovalsChanged()
  }
  const rows = c.rollbackPlan.steps.map((_, i) => i)

  return (
    <>
      <div className="page__header">
        <p className="breadcrumb"><Link to="/changes">Change requests</Link> /</p>
        <h1>
          <span className="change-key">{c.key}</span> {c.title}
        </h1>
        <p className="alert-header__meta">
          <ChangeStateChip state={c.state} /> <span className="muted">opened by {c.authorName} · times in {zoneLabel(now, zone)}</span>
        </p>
      </div>
      {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
      <LoadState loading={false} error={change.error} retry={change.reload} />
      <ChangeActions change={c} viewer={viewer} teamNames={teamNames} onChanged={onChanged} />
      {c.toSubmit.length > 0 && c.state === 'draft' && (
        <Alert tone="warning">
          <p><strong>Before it can be submitted:</strong></p>
          <ul>{c.toSubmit.map((n, i) => <li key={i}><strong>{fieldName(n.field, rows)}:</strong> {n.reason}</li>)}</ul>
        </Alert>
      )}
      <div className="columns change-detail">
        <div className="change-detail__main">
          <section className="card" aria-labelledby="what-heading">
            <h2 id="what-heading" className="section__title">What and when</h2>
            <ChangeFacts change={c} zone={zone} now={now} />
            {c.description !== '' && <p className="change-detail__text">{c.description}</p>}
          </section>
          <section className="card change-worst-case" aria-labelledby="worst-heading">
            <h2 id="worst-heading">Worst case</h2>
            <p className="change-detail__text">{c.worstCase === '' ? <span className="text-danger">Not written yet.</span> : c.worstCase}</p>
          </section>
          <section className="card" aria-labelledby="rollback-heading">
            <div className="section__header">
              <h2 id="rollback-heading">Rollback plan</h2>
              <span className="muted">
                {c.rollbackPlan.estimatedMinutes === 0 ? 'time not estimated' : `takes about ${c.rollbackPlan.estimatedMinutes} min`} ·{' '}
                {c.rollbackPlan.tested ? `rehearsed: ${c.rollbackPlan.testedHow}` : 'not rehearsed'}
              </span>
            </div>
            <RollbackStepGrades steps={c.rollbackSteps} />
            {c.verificationSteps.length > 0 && (
              <>
                <h3 className="change-detail__subheading">Verification</h3>
                <ol>{c.verificationSteps.map((s, i) => <li key={i}>{s}</li>)}</ol>
              </>
            )}
          </section>
          <section className="card" aria-labelledby="comments-heading">
            <h2 id="comments-heading" className="section__title">Comments</h2>
            <ChangeComments changeKey={c.key} comments={c.comments} zone={zone} onAdded={change.reload} />
          </section>
        </div>
        <div className="change-detail__side">
          <section className="card" aria-labelledby="approvals-heading">
            <h2 id="approvals-heading" className="section__title">Approvals</h2>
            <ChangeApprovals approvals={c.approvals} freezes={freezes} zone={zone} />
          </section>
          <section className="card" aria-labelledby="freezes-heading">
            <h2 id="freezes-heading" className="section__title">Freezes</h2>
            <ChangeFreezeExceptions change={c} freezes={freezes} viewer={viewer} nameOf={nameOf} zone={zone} now={now} onChanged={onChanged} />
          </section>
          <section className="card" aria-labelledby="radius-heading">
            <h2 id="radius-heading" className="section__title">Blast radius <span className="muted">· now</span></h2>
            <BlastRadiusTable entries={c.blastRadius} />
          </section>
          <section className="card" aria-labelledby="deployments-heading">
            <h2 id="deployments-heading" className="section__title">Deployments</h2>
            <ChangeDeployments deployments={c.deployments} zone={zone} />
          </section>
        </div>
      </div>
    </>
  )
}
