import type { ConditionDraft } from '../utils/rule-draft'
import { emptyCondition } from '../utils/rule-draft'
import { ConditionRow } from './condition-row'

interface ConditionBuilderProps {
  readonly conditions: readonly ConditionDraft[]
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (conditions: readonly ConditionDraft[]) => void
}

/** The conditions an event must all meet; none matches every event. */
export function ConditionBuilder({ conditions, fieldErrors, onChange }: ConditionBuilderProps) {
  const update = (i: number, patch: Partial<ConditionDraft>) => onChange(conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)))
  return (
    <fieldset className="fieldset">
      <legend>When an event matches all of</legend>
      {fieldErrors['conditions'] !== undefined && <p className="field__error fieldset__error">{fieldErrors['conditions']}</p>}
      <div className="form">
        {conditions.length === 0 && <p className="muted">No conditions: the rule matches every event of the service.</p>}
        {conditions.map((c, i) => (
          <ConditionRow key={c.key} index={i} condition={c} fieldErrors={fieldErrors} onChange={(patch) => update(i, patch)} onRemove={() => onChange(conditions.filter((_, j) => j !== i))} />
        ))}
        <div>
          <button type="button" className="button button--small" disabled={conditions.length >= 20} onClick={() => onChange([...conditions, emptyCondition()])}>Add condition</button>
        </div>
      </div>
    </fieldset>
  )
}
