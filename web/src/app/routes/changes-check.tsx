import { useState } from 'react'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getChanges } from '../../features/changes/api/get-changes'
import { ChangesTabs } from '../../features/changes/components/changes-tabs'
import { DeployCheckForm } from '../../features/changes/components/deploy-check-form'
import { DeployCheckResult } from '../../features/changes/components/deploy-check-result'
import { getServices } from '../../features/services/api/get-services'
import { getTeams } from '../../features/teams/api/get-teams'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import { serverClockOffset, serverNow } from '../../lib/server-clock'
import type { DeployCheckResult as Result } from '../../types/api'

/** The deploy gate for people without the CLI: a service, a change and a time → allowed or denied, with every reason. */
export function ChangesCheckRoute() {
  useDocumentTitle('Deploy check')
  const { user } = useAuth()
  const [result, setResult] = useState<Result>()
  const base = useAsync((signal) => Promise.all([getTeams(signal), getServices(signal), getChanges({ state: 'submitted,approved,in_progress' }, signal)]), [])
  const clock = useAsync(() => serverClockOffset(), [])
  const now = serverNow(clock.data)
  return (
    <>
      <div className="page__header">
        <h1>Deploy check</h1>
        <p className="muted page__lead">
          Ask the deploy gate what <code>tend deploy check --service … [--change …] [--at …]</code> would answer. Every reason is listed, not just the first, and the check is recorded.
        </p>
      </div>
      <ChangesTabs current="/changes/check" />
      {base.data === undefined ? (
        <LoadState loading={base.loading} error={base.error} retry={base.reload} />
      ) : (
        <DeployCheckForm teams={base.data[0]} services={base.data[1]} changes={base.data[2]} zone={user.timeZone} now={now} onResult={setResult} />
      )}
      {result !== undefined && <DeployCheckResult result={result} zone={user.timeZone} now={now} />}
    </>
  )
}
