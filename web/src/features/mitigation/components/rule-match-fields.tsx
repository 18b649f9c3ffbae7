import { useId } from 'react'
import { Field } from '../../../components/field'
import { SEVERITIES, type RuleDraft } from '../utils/rule-draft'

interface RuleMatchFieldsProps {
  readonly draft: RuleDraft
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (patch: Partial<RuleDraft>) => void
}

/** The conditions an alert must meet (all of them) for the rule to act on it. */
export function RuleMatchFields({ draft, fieldErrors, onChange }: RuleMatchFieldsProps) {
  const errorId = useId()
  const severityError = Object.entries(fieldErrors).find(([k]) => k.startsWith('match.severities'))?.[1]
  const toggle = (s: string, on: boolean) => onChange({ severities: on ? [...draft.severities, s] : draft.severities.filter((x) => x !== s) })
  return (
    <fieldset className={fieldErrors['match'] === undefined ? 'fieldset' : 'fieldset fieldset--invalid'} aria-describedby={fieldErrors['match'] === undefined ? undefined : errorId}>
      <legend>When an alert matches (all that are filled in)</legend>
      {fieldErrors['match'] !== undefined && <p className="field__error fieldset__error" id={errorId}>{fieldErrors['match']}</p>}
      <div className="form">
        <div className="form__row">
          <Field label="Summary pattern" error={fieldErrors['match.summaryPattern']} hint="A regular expression, e.g. OOMKilled|out of memory">
            {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} value={draft.summaryPattern} onChange={(e) => onChange({ summaryPattern: e.target.value })} />}
          </Field>
          <Field label="Dedup key pattern" error={fieldErrors['match.dedupKeyPattern']} hint="A regular expression on the alert's dedup key">
            {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} value={draft.dedupKeyPattern} onChange={(e) => onChange({ dedupKeyPattern: e.target.value })} />}
          </Field>
        </div>
        <div className="form__row">
          <Field label="Labels" error={fieldErrors['match.labels']} hint="One key=value per line; exact values (Alertmanager labels or custom details)">
            {(control) => <textarea {...control} rows={2} className="input--mono" spellCheck={false} value={draft.labels} onChange={(e) => onChange({ labels: e.target.value })} />}
          </Field>
          <Field label="Source" error={fieldErrors['match.source']} hint="The alert's source, exactly (e.g. api-1)">
            {(control) => <input {...control} type="text" value={draft.source} onChange={(e) => onChange({ source: e.target.value })} />}
          </Field>
        </div>
        <fieldset className={severityError === undefined ? 'fieldset fieldset--plain' : 'fieldset fieldset--plain field--invalid'}>
          <legend>Severities <span className="muted">(none ticked: any)</span></legend>
          <div className="checkbox-list">
            {SEVERITIES.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" checked={draft.severities.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
                <span>{s}</span>
              </label>
            ))}
          </div>
          {severityError !== undefined && <p className="field__error">{severityError}</p>}
        </fieldset>
      </div>
    </fieldset>
  )
}
