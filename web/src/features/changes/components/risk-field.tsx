import { Field } from '../../../components/field'
import type { RiskHint } from '../../../types/api'

interface RiskFieldProps {
  readonly value: string
  readonly hint: RiskHint | undefined
  readonly error: string | undefined
  readonly onChange: (risk: string) => void
}

/** The author's risk estimate, beside the level Tend computes and its reasons. */
export function RiskField({ value, hint, error, onChange }: RiskFieldProps) {
  return (
    <div className="risk-field">
      <Field label="Risk (your estimate)" error={error}>
        {(control) => (
          <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">Not set</option>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        )}
      </Field>
      {hint !== undefined && (
        <div className="risk-field__hint" data-testid="risk-hint">
          <p>
            Tend suggests <span className={`badge risk risk--${hint.level}`}>{hint.level}</span>
            {value !== '' && value !== hint.level && <span className="muted"> (you chose {value})</span>} because:
          </p>
          <ul>
            {hint.because.map((b) => <li key={b}>{b}</li>)}
          </ul>
        </div>
      )}
    </div>
  )
}
