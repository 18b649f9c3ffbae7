import { useMemo, useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import { zoneLabel, type Instant } from '../../../lib/time'
import type { ChangeState, Service, Team } from '../../../types/api'
import type { ChangeInput } from '../api/create-change'
import { useChangePreview } from '../hooks/use-change-preview'
import { draftToInput, stepRows, type ChangeDraft } from '../utils/change-draft'
import { reasonsByField } from '../utils/field-names'
import { ChangePreviewPanel } from './change-preview-panel'
import { ChangeTypeField } from './change-type-field'
import { RiskField } from './risk-field'
import { RollbackPlanFields } from './rollback-plan-fields'
import { ServicePicker } from './service-picker'
import { StepListEditor } from './step-list-editor'

interface ChangeFormProps {
  readonly initial: ChangeDraft
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** The viewer's zone: the planned time is typed in it. */
  readonly zone: string
  readonly now: Instant
  /** The stored change's state when editing; undefined for a new change. */
  readonly editing: ChangeState | undefined
  /** Saves (creating or editing), then submits when `submit`. */
  readonly onSave: (input: ChangeInput, submit: boolean) => Promise<unknown>
  readonly onCancel: () => void
}

// Fields with a place on the form for their reason; anything else goes to the summary.
const SHOWN = ['title', 'type', 'serviceIds', 'description', 'worstCase', 'rollbackPlan', 'rollbackPlan.steps', 'rollbackPlan.estimatedMinutes', 'rollbackPlan.tested', 'rollbackPlan.testedHow', 'risk', 'plannedAt']

/**
 * A change request: what, where, the worst case and the way back. The API checks it as it is
 * typed: each rollback step is graded beside it, the blast radius and what blocks submitting
 * show alongside, and Submit stays off until nothing does.
 */
export function ChangeForm({ initial, services, teams, zone, now, editing, onSave, onCancel }: ChangeFormProps) {
  const [draft, setDraft] = useState(initial)
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [attempted, setAttempted] = useState(false)
  const { pending, fieldErrors, formError, submit } = useSubmit(SHOWN)
  const input = useMemo(() => draftToInput(draft, zone), [draft, zone])
  const { preview, stale, error } = useChangePreview(input)
  const previewReasons = reasonsByField(preview?.errors ?? [])
  const rows = stepRows(draft.steps)

  const change = (patch: Partial<ChangeDraft>, field: string) => {
    setDraft((d) => ({ ...d, ...patch }))
    setTouched((t) => new Set(t).add(field))
  }
  /** The API's reason from saving wins; the live preview's shows once the field was edited or a submit tried. */
  const errorOf = (field: string) => fieldErrors[field] ?? (attempted || touched.has(field) || (field.startsWith('rollbackPlan') && touched.has('rollbackPlan')) ? previewReasons[field] : undefined)

  const submittable = editing === undefined || editing === 'draft'
  const blockers = preview?.errors.length ?? 0
  const canSubmit = preview !== undefined && !stale && blockers === 0
  const save = async (andSubmit: boolean) => {
    if (andSubmit) setAttempted(true)
    const local: Record<string, string> = draft.title.trim() === '' ? { title: 'give the change a title' } : {}
    await submit(() => onSave(input, andSubmit), local)
  }
  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await save(false)
  }

  return (
    <div className="change-form-layout">
      <form className="form card change-form" onSubmit={onFormSubmit} noValidate aria-label="Change request">
        {formError !== undefined && <Alert>{formError}</Alert>}
        <Field label="Title" error={errorOf('title')}>
          {(control) => <input {...control} type="text" maxLength={160} placeholder="Add a refunds index to the ledger" value={draft.title} onChange={(e) => change({ title: e.target.value }, 'title')} />}
        </Field>
        <ChangeTypeField value={draft.type} error={errorOf('type')} onChange={(type) => change({ type }, 'type')} />
        <ServicePicker services={services} teams={teams} selected={draft.serviceIds} error={errorOf('serviceIds')} onChange={(serviceIds) => change({ serviceIds }, 'serviceIds')} />
        <Field label="Description" error={errorOf('description')} hint="What changes and why.">
          {(control) => <textarea {...control} rows={3} value={draft.description} onChange={(e) => change({ description: e.target.value }, 'description')} />}
        </Field>
        <Field label="Worst case" error={errorOf('worstCase')} hint="What users would see if this went wrong, e.g. “checkout fails for all EU customers until the previous version is redeployed”.">
          {(control) => <textarea {...control} rows={2} value={draft.worstCase} onChange={(e) => change({ worstCase: e.target.value }, 'worstCase')} />}
        </Field>
        <RollbackPlanFields draft={draft} grades={preview?.rollbackSteps} errorOf={errorOf} onChange={(patch) => change(patch, 'rollbackPlan')} />
        <fieldset className="fieldset">
          <legend>Verification</legend>
          <p className="field__hint">How you will know the change worked: a metric, a page, a query.</p>
          <StepListEditor itemLabel="Verification step" items={draft.verificationSteps} onChange={(verificationSteps) => change({ verificationSteps }, 'verificationSteps')} placeholder="p99 of /pay stays under 300 ms for 15 min" addLabel="Add a verification step" />
        </fieldset>
        <div className="form__row">
          <RiskField value={draft.risk} hint={preview?.riskHint} error={errorOf('risk')} onChange={(risk) => change({ risk }, 'risk')} />
          <Field label="Planned for" error={errorOf('plannedAt')} hint={`Your zone, ${zoneLabel(now, zone)}. Leave empty while unplanned.`}>
            {(control) => <input {...control} type="datetime-local" value={draft.plannedAt} onChange={(e) => change({ plannedAt: e.target.value }, 'plannedAt')} />}
          </Field>
        </div>
        <div className="form__actions change-form__actions">
          {submittable && (
            <p className="change-form__gate" role="status" data-testid="submit-gate">
              {preview === undefined || stale ? 'Checking…' : canSubmit ? 'Ready to submit for review.' : `Submitting is blocked by ${blockers === 1 ? '1 problem' : `${blockers} problems`}: see “Before it can be submitted”.`}
            </p>
          )}
          <button type="button" className="button" onClick={onCancel}>Cancel</button>
          <button type="submit" className={submittable ? 'button' : 'button button--primary'} disabled={pending}>{editing === undefined || editing === 'draft' ? 'Save draft' : 'Save changes'}</button>
          {submittable && (
            <button type="button" className="button button--primary" disabled={pending || !canSubmit} onClick={() => void save(true)}>
              Submit for review
            </button>
          )}
        </div>
      </form>
      <ChangePreviewPanel preview={preview} stale={stale} error={error} rows={rows} />
    </div>
  )
}
