import { Field } from '../../../components/field'
import type { EventConditionOp } from '../../../types/api'
import { EVENT_FIELDS, OPS, type ConditionDraft, type FieldKind } from '../utils/rule-draft'

interface ConditionRowProps {
  readonly index: number
  readonly condition: ConditionDraft
  /** Reasons keyed by the API's paths (`conditions[0].pattern`). */
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (patch: Partial<ConditionDraft>) => void
  readonly onRemove: () => void
}

/** One condition: the event field, an operator and what to compare with, with the API's reason beside each part. */
export function ConditionRow({ index, condition: c, fieldErrors, onChange, onRemove }: ConditionRowProps) {
  const at = `conditions[${index}]`
  const valuesError = Object.entries(fieldErrors).filter(([k]) => k.startsWith(`${at}.values`)).map(([, v]) => v)
  const withPath = c.fieldKind === 'details' || c.fieldKind === 'labels'
  return (
    <fieldset className="fieldset aq-condition">
      <legend>Condition {index + 1}</legend>
      {fieldErrors[at] !== undefined && <p className="field__error">{fieldErrors[at]}</p>}
      <div className="aq-condition__row">
        <Field label="Field" error={withPath ? undefined : fieldErrors[`${at}.field`]}>
          {(control) => (
            <select {...control} value={c.fieldKind} onChange={(e) => onChange({ fieldKind: e.target.value as FieldKind })}>
              {EVENT_FIELDS.map((f) => <option key={f} value={f}>{f}</option>)}
              <option value="details">details.…</option>
              <option value="labels">labels.…</option>
            </select>
          )}
        </Field>
        {withPath && (
          <Field label={c.fieldKind === 'labels' ? 'Label name' : 'Details path'} error={fieldErrors[`${at}.field`]}>
            {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} placeholder={c.fieldKind === 'labels' ? 'env' : 'region'} value={c.path} onChange={(e) => onChange({ path: e.target.value })} />}
          </Field>
        )}
        <Field label="Operator" error={fieldErrors[`${at}.op`]}>
          {(control) => (
            <select {...control} value={c.op} onChange={(e) => onChange({ op: e.target.value as EventConditionOp })}>
              {OPS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          )}
        </Field>
        {(c.op === 'equals' || c.op === 'contains') && (
          <Field label="Value" error={fieldErrors[`${at}.value`]}>
            {(control) => <input {...control} type="text" value={c.value} onChange={(e) => onChange({ value: e.target.value })} />}
          </Field>
        )}
        {c.op === 'matches' && (
          <Field label="Regular expression" error={fieldErrors[`${at}.pattern`]} hint="Safe patterns only: no nested repeats such as (a+)+.">
            {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} placeholder="^db-\d+\.prod$" value={c.pattern} onChange={(e) => onChange({ pattern: e.target.value })} />}
          </Field>
        )}
        {c.op === 'in' && (
          <Field label="Values" error={valuesError.length === 0 ? undefined : valuesError.join('; ')} hint="Comma separated, exact.">
            {(control) => <input {...control} type="text" value={c.values} onChange={(e) => onChange({ values: e.target.value })} />}
          </Field>
        )}
      </div>
      <div className="aq-condition__footer">
        {(c.op === 'equals' || c.op === 'contains' || c.op === 'matches') ? (
          <label className="checkbox">
            <input type="checkbox" checked={c.ignoreCase} onChange={(e) => onChange({ ignoreCase: e.target.checked })} />
            <span>Ignore case</span>
          </label>
        ) : <span />}
        <button type="button" className="button button--small button--ghost" onClick={onRemove}>
          Remove<span className="visually-hidden"> condition {index + 1}</span>
        </button>
      </div>
    </fieldset>
  )
}
