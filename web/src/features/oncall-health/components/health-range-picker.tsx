import { useState, type FormEvent } from 'react'
import type { HealthRange } from '../utils/health-range'
import { RANGE_PRESETS } from '../utils/health-range'

interface HealthRangePickerProps {
  readonly range: HealthRange
  readonly zone: string
  readonly onChange: (range: HealthRange) => void
  /** Why the chosen dates cannot be shown. */
  readonly error?: string | undefined
}

/** The range of the dashboard: the last 7 days, 4 weeks (default) or 13 weeks, or two dates in the team's zone. */
export function HealthRangePicker({ range, zone, onChange, error }: HealthRangePickerProps) {
  const [custom, setCustom] = useState(range.kind === 'dates')
  const [from, setFrom] = useState(range.kind === 'dates' ? range.from : '')
  const [to, setTo] = useState(range.kind === 'dates' ? range.to : '')
  const apply = (event: FormEvent) => {
    event.preventDefault()
    onChange({ kind: 'dates', from, to })
  }
  return (
    <div className="health-range" role="group" aria-label="Range">
      <div className="health-range__presets">
        {RANGE_PRESETS.map((p) => (
          <button
            key={p.days}
            type="button"
            className="button button--small"
            aria-pressed={!custom && range.kind === 'days' && range.days === p.days}
            onClick={() => {
              setCustom(false)
              onChange({ kind: 'days', days: p.days })
            }}
          >
            {p.label}
          </button>
        ))}
        <button type="button" className="button button--small" aria-pressed={custom} onClick={() => setCustom(true)}>Dates…</button>
      </div>
      {custom && (
        <form className="health-range__dates" onSubmit={apply} noValidate>
          <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={error !== undefined} /></label>
          <label>to <input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={error !== undefined} /></label>
          <button type="submit" className="button button--small button--primary">Show</button>
          <span className="muted health-range__zone">days in {zone}</span>
          {error !== undefined && <p className="field__error health-range__error">{error}</p>}
        </form>
      )}
    </div>
  )
}
