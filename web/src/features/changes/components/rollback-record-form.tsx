import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import type { RecentChange } from '../../../types/api'
import { rollbackDeployment } from '../api/rollback-deployment'

interface RollbackRecordFormProps {
  readonly change: RecentChange
  readonly onRecorded: (message: string) => void
  readonly onCancel: () => void
}

/** Confirms recording a rollback of a deployment: to the version before it (or one typed), with an optional reason. */
export function RollbackRecordForm({ change, onRecorded, onCancel }: RollbackRecordFormProps) {
  const [version, setVersion] = useState('')
  const [reason, setReason] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string>()
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setPending(true)
    setError(undefined)
    try {
      const { rollback } = await rollbackDeployment(change.id, { ...(version.trim() === '' ? {} : { version: version.trim() }), ...(reason.trim() === '' ? {} : { reason: reason.trim() }) })
      onRecorded(`Recorded: ${rollback.serviceName} rolled back from ${change.version ?? 'this deployment'} to ${rollback.version}${change.changeRequest === null ? '' : `; ${change.changeRequest.key} is marked rolled back`}.`)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  return (
    <form className="rollback-record" onSubmit={onSubmit} aria-label={`Record a rollback of ${change.serviceName} ${change.version ?? ''}`}>
      {error !== undefined && <Alert>{error}</Alert>}
      <p className="rollback-record__note">Tend records the rollback and marks the deployment and its change rolled back; do the steps above (or your pipeline’s rollback) to roll back for real.</p>
      <div className="rollback-record__fields">
        <label>
          <span className="field__label">Back to version</span>
          <input type="text" placeholder="the version deployed before" value={version} onChange={(e) => setVersion(e.target.value)} />
        </label>
        <label>
          <span className="field__label">Why (optional)</span>
          <input type="text" placeholder="errors on /pay since the deploy" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      <div className="button-group">
        <button type="submit" className="button button--danger" disabled={pending}>{pending ? 'Recording…' : 'Record rollback'}</button>
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  )
}
