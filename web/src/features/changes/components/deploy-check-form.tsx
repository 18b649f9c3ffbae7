import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import { localToInstant, toRfc3339, zoneLabel, type Instant } from '../../../lib/time'
import type { ChangeSummary, DeployCheckResult, Service, Team } from '../../../types/api'
import { runDeployCheck } from '../api/run-deploy-check'

interface DeployCheckFormProps {
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** Open changes, to pick the one being deployed. */
  readonly changes: readonly ChangeSummary[]
  /** The viewer's zone: the time is typed in it. */
  readonly zone: string
  readonly now: Instant
  readonly onResult: (result: DeployCheckResult) => void
}

/** Asks the deploy gate about a service, optionally a change and a time, as `tend deploy check` does. */
export function DeployCheckForm({ services, teams, changes, zone, now, onResult }: DeployCheckFormProps) {
  const [serviceId, setServiceId] = useState('')
  const [change, setChange] = useState('')
  const [at, setAt] = useState('')
  const [kind, setKind] = useState<'deploy' | 'rollback'>('deploy')
  const { pending, fieldErrors, formError, submit } = useSubmit(['service', 'change', 'at'])
  const forService = changes.filter((c) => c.serviceIds.includes(serviceId))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const instant = at === '' ? null : localToInstant(at, zone)
    const local: Record<string, string> = {}
    if (serviceId === '') local['service'] = 'choose the service to deploy'
    if (at !== '' && instant === null) local['at'] = 'must be a date and time'
    await submit(async () => onResult(await runDeployCheck({ service: serviceId, kind, ...(change === '' ? {} : { change }), ...(instant === null ? {} : { at: toRfc3339(instant, zone) }) })), local)
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Deploy check">
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row">
        <Field label="Service" error={fieldErrors['service']}>
          {(control) => (
            <select {...control} value={serviceId} onChange={(e) => { setServiceId(e.target.value); setChange('') }}>
              <option value="">Choose a service…</option>
              {teams.map((t) => (
                <optgroup key={t.id} label={t.name}>
                  {services.filter((s) => s.teamId === t.id).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label="Change request (optional)" error={fieldErrors['change']} hint="Needed when the policy requires an approved change.">
          {(control) => (
            <select {...control} value={change} onChange={(e) => setChange(e.target.value)} disabled={serviceId === ''}>
              <option value="">None</option>
              {forService.map((c) => <option key={c.id} value={c.key}>{c.key} {c.title} ({c.state.replace('_', ' ')})</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label="When" error={fieldErrors['at']} hint={`Empty = now. Your zone, ${zoneLabel(now, zone)}.`}>
          {(control) => <input {...control} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
        </Field>
        <fieldset className="fieldset">
          <legend>Kind</legend>
          <div className="segmented">
            <label className="checkbox"><input type="radio" name="check-kind" checked={kind === 'deploy'} onChange={() => setKind('deploy')} /> Deploy</label>
            <label className="checkbox"><input type="radio" name="check-kind" checked={kind === 'rollback'} onChange={() => setKind('rollback')} /> Rollback (always allowed; blockers become warnings)</label>
          </div>
        </fieldset>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Checking…' : 'Check'}</button>
      </div>
    </form>
  )
}
