import { Field } from '../../../components/field'
import type { RollbackStepGrade } from '../../../types/api'
import { ROLLBACK_EXAMPLES } from '../utils/change-labels'
import type { ChangeDraft } from '../utils/change-draft'
import { stepRows } from '../utils/change-draft'
import { RollbackStepGradeNote } from './rollback-step-grade-note'
import { StepListEditor } from './step-list-editor'

interface RollbackPlanFieldsProps {
  readonly draft: ChangeDraft
  /** The API's grades of the written steps, in order (from the live preview). */
  readonly grades: readonly RollbackStepGrade[] | undefined
  readonly errorOf: (field: string) => string | undefined
  readonly onChange: (patch: Partial<ChangeDraft>) => void
}

/** The way back: ordered undo steps graded live by the API, how long it takes, and whether it was rehearsed. */
export function RollbackPlanFields({ draft, grades, errorOf, onChange }: RollbackPlanFieldsProps) {
  const rows = stepRows(draft.steps)
  // A grade belongs to a row only while the row still says what was graded (typing makes it stale).
  const gradeOf = (row: number) => {
    const grade = grades?.[rows.indexOf(row)]
    return grade !== undefined && grade.step.trim() === draft.steps[row]?.trim() ? grade : undefined
  }
  const addExample = (example: string) => {
    const empty = draft.steps.findIndex((s) => s.trim() === '')
    onChange({ steps: empty === -1 ? [...draft.steps, example] : draft.steps.map((s, i) => (i === empty ? example : s)) })
  }
  const planError = errorOf('rollbackPlan') ?? errorOf('rollbackPlan.steps')
  return (
    <fieldset className={planError === undefined ? 'fieldset rollback-plan' : 'fieldset fieldset--invalid rollback-plan'}>
      <legend>Rollback plan</legend>
      <p className="field__hint rollback-plan__guide">
        Steps that return to the last known-good state, in order, that someone else could follow at 3am. Name the undo action and its target. A roll-forward
        (“deploy a hotfix”) is not a way back: it hopes for a new good state, under pressure.
      </p>
      <div className="rollback-plan__examples" role="group" aria-label="Example steps">
        <span className="muted">Start from an example:</span>
        {ROLLBACK_EXAMPLES.map((ex) => (
          <button key={ex} type="button" className="chip chip--example" onClick={() => addExample(ex)}>
            {ex}
          </button>
        ))}
      </div>
      <StepListEditor
        itemLabel="Rollback step"
        items={draft.steps}
        onChange={(steps) => onChange({ steps })}
        placeholder="e.g. redeploy the previous version (v1.42.0) of payments-api"
        addLabel="Add a rollback step"
        invalid={(row) => (gradeOf(row)?.rejected ?? null) !== null}
        below={(row, noteId) => {
          if (draft.steps[row]?.trim() === '') return null
          const grade = gradeOf(row)
          return grade === undefined ? <p className="step-grade step-grade--pending" id={noteId}>Checking…</p> : <RollbackStepGradeNote grade={grade} id={noteId} />
        }}
      />
      {planError !== undefined && <p className="field__error">{planError}</p>}
      <div className="form__row">
        <Field label="Rollback takes (minutes)" error={errorOf('rollbackPlan.estimatedMinutes')} hint="How long from deciding to roll back until the old version serves again.">
          {(control) => <input {...control} type="number" min={0} step={1} inputMode="numeric" className="input--narrow" value={draft.estimatedMinutes} onChange={(e) => onChange({ estimatedMinutes: e.target.value })} />}
        </Field>
        <div className="rollback-plan__tested">
          <label className="checkbox">
            <input type="checkbox" checked={draft.tested} onChange={(e) => onChange({ tested: e.target.checked })} /> The rollback has been rehearsed
          </label>
          {errorOf('rollbackPlan.tested') !== undefined && <p className="field__error">{errorOf('rollbackPlan.tested')}</p>}
          {draft.tested && (
            <Field label="How and when" error={errorOf('rollbackPlan.testedHow')}>
              {(control) => <input {...control} type="text" placeholder="rolled back in staging on 2026-11-12" value={draft.testedHow} onChange={(e) => onChange({ testedHow: e.target.value })} />}
            </Field>
          )}
        </div>
      </div>
    </fieldset>
  )
}
