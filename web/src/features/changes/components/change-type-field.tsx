import type { ChangeType } from '../../../types/api'
import { CHANGE_TYPES } from '../utils/change-labels'

/** Standard, normal or emergency, each with the line that tells them apart. */
export function ChangeTypeField({ value, onChange, error }: { readonly value: ChangeType; readonly onChange: (type: ChangeType) => void; readonly error: string | undefined }) {
  return (
    <fieldset className={error === undefined ? 'fieldset' : 'fieldset fieldset--invalid'}>
      <legend>Type</legend>
      <div className="choice-list change-type">
        {CHANGE_TYPES.map((t) => (
          <label key={t.value} className="change-type__option">
            <input type="radio" name="change-type" value={t.value} checked={value === t.value} onChange={() => onChange(t.value)} />
            <span>
              <strong>{t.label}</strong> <span className="muted">{t.explain}</span>
            </span>
          </label>
        ))}
      </div>
      {error !== undefined && <p className="fieldset__error field__error">{error}</p>}
    </fieldset>
  )
}
