import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import type { MitigationAgent, Service, Team } from '../../../types/api'
import type { MitigationRuleInput } from '../api/create-mitigation-rule'
import { ruleDraftErrors, ruleDraftToInput, type RuleDraft } from '../utils/rule-draft'
import { RuleActionFields } from './rule-action-fields'
import { RuleBehaviourFields } from './rule-behaviour-fields'
import { RuleMatchFields } from './rule-match-fields'

interface RuleFormProps {
  readonly initial: RuleDraft
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** Every team's agents, by team id. */
  readonly agentsByTeam: ReadonlyMap<string, readonly MitigationAgent[]>
  /** A rule stays on its service: editing shows the service without a picker. */
  readonly editing: boolean
  readonly submitLabel: string
  readonly onSubmit: (serviceId: string, input: MitigationRuleInput) => Promise<unknown>
  readonly onCancel: () => void
}

// Every field the form shows a reason beside; reasons about anything else go to the summary.
const SHOWN = [
  'serviceId', 'name', 'match', 'match.summaryPattern', 'match.dedupKeyPattern', 'match.labels', 'match.source',
  'action.type', 'action.method', 'action.url', 'action.body', 'action.agentId', 'action.command', 'action.timeoutSeconds',
  'mode', 'verifyMinutes', 'loopGuard.maxRuns', 'loopGuard.perMinutes', 'followUpWebhookUrl',
]

/** A mitigation rule: the service, what it matches, what it does, and how it treats the page; API reasons show beside each field. */
export function RuleForm({ initial, services, teams, agentsByTeam, editing, submitLabel, onSubmit, onCancel }: RuleFormProps) {
  const [draft, setDraft] = useState(initial)
  const severityFields = draft.severities.map((_, i) => `match.severities[${i}]`)
  const { pending, fieldErrors, formError, submit } = useSubmit([...SHOWN, ...severityFields])
  const change = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const service = services.find((s) => s.id === draft.serviceId)
  const agents = service === undefined ? [] : (agentsByTeam.get(service.teamId) ?? [])

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(() => onSubmit(draft.serviceId, ruleDraftToInput(draft)), ruleDraftErrors(draft))
  }

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row">
        <Field label="Service" error={fieldErrors['serviceId']} hint={editing ? 'A rule stays on its service.' : "The rule acts on this service's alerts."}>
          {(control) => (
            <select {...control} value={draft.serviceId} disabled={editing} onChange={(e) => change({ serviceId: e.target.value, agentId: '', command: '' })}>
              <option value="">Choose a service…</option>
              {teams.map((t) => (
                <optgroup key={t.id} label={t.name}>
                  {services.filter((s) => s.teamId === t.id).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={fieldErrors['name']}>
          {(control) => <input {...control} type="text" maxLength={100} placeholder="Restart the API on out-of-memory" value={draft.name} onChange={(e) => change({ name: e.target.value })} />}
        </Field>
      </div>
      <RuleMatchFields draft={draft} fieldErrors={fieldErrors} onChange={change} />
      <RuleActionFields draft={draft} agents={agents} fieldErrors={fieldErrors} onChange={change} />
      <RuleBehaviourFields draft={draft} fieldErrors={fieldErrors} onChange={change} />
      <Field
        label="Follow-up webhook (optional)"
        error={fieldErrors['followUpWebhookUrl']}
        hint={editing ? 'A ticket tracker URL that receives each follow-up. Leave empty to keep the current one (it is never shown again).' : 'A ticket tracker URL that receives each follow-up.'}
      >
        {(control) => <input {...control} type="url" className="input--mono" spellCheck={false} value={draft.followUpWebhookUrl} onChange={(e) => change({ followUpWebhookUrl: e.target.value })} />}
      </Field>
      {!editing && <p className="muted">New rules start in <strong>dry run</strong>: they record what they would have done and do nothing. Go live once the dry runs look right.</p>}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  )
}
