import { addIsoWeeks, isIsoWeek } from '../utils/iso-week'

interface WeekPickerProps {
  /** "2026-W48" */
  readonly week: string
  /** The current week (its report covers the days so far); later ones have not begun. */
  readonly latest: string
  readonly onChange: (week: string) => void
}

/** Previous / next week and an ISO week input. */
export function WeekPicker({ week, latest, onChange }: WeekPickerProps) {
  return (
    <div className="week-picker" role="group" aria-label="Week">
      <button type="button" className="button button--small" onClick={() => onChange(addIsoWeeks(week, -1))}>← Previous week</button>
      <label>
        <span className="visually-hidden">ISO week</span>
        <input type="week" value={week} max={latest} onChange={(e) => isIsoWeek(e.target.value) && onChange(e.target.value)} />
      </label>
      <button type="button" className="button button--small" disabled={week >= latest} onClick={() => onChange(addIsoWeeks(week, 1))}>Next week →</button>
    </div>
  )
}
