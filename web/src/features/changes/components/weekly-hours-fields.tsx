import type { WeeklyHours } from '../../../types/api'
import { WEEKDAYS } from '../utils/policy-draft'

interface WeeklyHoursFieldsProps {
  /** Accessible name of the group: "Window 1", "Staffed hours". */
  readonly label: string
  readonly value: WeeklyHours
  readonly onChange: (value: WeeklyHours) => void
  /** The API's reasons under this path (`windows[0]`): `.days`, `.start`, `.end`. */
  readonly errorOf: (suffix: string) => string | undefined
  readonly onRemove?: () => void
}

/** Weekdays and local from–to times; an end at or before the start crosses midnight. */
export function WeeklyHoursFields({ label, value, onChange, errorOf, onRemove }: WeeklyHoursFieldsProps) {
  const errors = ['.days', '.start', '.end'].map(errorOf).filter((e): e is string => e !== undefined)
  return (
    <fieldset className={errors.length === 0 ? 'fieldset weekly-hours' : 'fieldset fieldset--invalid weekly-hours'}>
      <legend>{label}</legend>
      <div className="weekly-hours__row">
        <div className="checkbox-list" role="group" aria-label={`${label} days`}>
          {WEEKDAYS.map((d) => (
            <label key={d.value} className="checkbox">
              <input
                type="checkbox"
                checked={value.days.includes(d.value)}
                onChange={(e) => onChange({ ...value, days: e.target.checked ? WEEKDAYS.map((w) => w.value).filter((w) => w === d.value || value.days.includes(w)) : value.days.filter((x) => x !== d.value) })}
              />{' '}
              {d.label}
            </label>
          ))}
        </div>
        <label className="weekly-hours__time">
          from <input type="time" aria-label={`${label} from`} value={value.start} onChange={(e) => onChange({ ...value, start: e.target.value })} />
        </label>
        <label className="weekly-hours__time">
          to <input type="time" aria-label={`${label} to`} value={value.end} onChange={(e) => onChange({ ...value, end: e.target.value })} />
        </label>
        {onRemove !== undefined && <button type="button" className="button button--ghost button--small" onClick={onRemove} aria-label={`Remove ${label.toLowerCase()}`}>×</button>}
      </div>
      {errors.map((e) => <p key={e} className="field__error">{e}</p>)}
    </fieldset>
  )
}
