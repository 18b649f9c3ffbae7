import { useState, type ChangeEvent } from 'react'
import { Alert } from '../../../components/alert'
import type { TeamDeployPolicy } from '../../../types/api'
import { importHolidays } from '../api/import-holidays'

interface HolidayEditorProps {
  readonly teamId: string
  readonly holidays: readonly string[]
  readonly onChange: (holidays: readonly string[]) => void
  readonly errorOf: (field: string) => string | undefined
  /** An .ics import saves at once; the form takes the policy it returns. */
  readonly onImported: (policy: TeamDeployPolicy, message: string) => void
}

/** Holidays as dates in the policy's zone: add one, remove one, or import an iCalendar (.ics) file. */
export function HolidayEditor({ teamId, holidays, onChange, errorOf, onImported }: HolidayEditorProps) {
  const [date, setDate] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (file === undefined) return
    setBusy(true)
    setError(undefined)
    try {
      const result = await importHolidays(teamId, await file.text())
      const added = result.added.length === 0 ? 'no new dates' : `${result.added.length === 1 ? '1 new date' : `${result.added.length} new dates`} (${result.added.join(', ')})`
      onImported(result.policy, `Imported ${file.name}: ${added}.${result.problems.length > 0 ? ` Could not read: ${result.problems.join('; ')}.` : ''}`)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <fieldset className="fieldset holiday-editor">
      <legend>Holidays</legend>
      <p className="field__hint">No deploys on these days, and the day before loses its support tail where staffed time runs out.</p>
      {error !== undefined && <Alert>{error}</Alert>}
      {holidays.length === 0 ? <p className="empty">No holidays.</p> : (
        <ul className="chip-list" aria-label="Holidays">
          {holidays.map((h, i) => (
            <li key={h} className={errorOf(`holidays[${i}]`) === undefined ? 'chip' : 'chip chip--invalid'} title={errorOf(`holidays[${i}]`)}>
              {h}
              <button type="button" className="chip__remove" aria-label={`Remove holiday ${h}`} onClick={() => onChange(holidays.filter((x) => x !== h))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="holiday-editor__add">
        <label>
          <span className="visually-hidden">Holiday date</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="button" className="button button--small" disabled={date === ''} onClick={() => { onChange([...new Set([...holidays, date])].sort()); setDate('') }}>Add holiday</button>
        <label className="button button--small holiday-editor__import">
          {busy ? 'Importing…' : 'Import .ics file…'}
          <input type="file" accept=".ics,text/calendar" className="visually-hidden" onChange={(e) => void onFile(e)} disabled={busy} />
        </label>
        <span className="muted">Importing saves at once (merged with these).</span>
      </div>
    </fieldset>
  )
}
