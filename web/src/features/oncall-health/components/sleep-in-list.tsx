import type { Instant } from '../../../lib/time'
import type { HealthWakeUp, SleepInNotice } from '../../../types/api'
import { sleepInLine } from '../utils/sleep-in-line'

interface SleepInListProps {
  readonly notices: readonly SleepInNotice[]
  readonly wakeUps: readonly HealthWakeUp[]
  readonly now: Instant
  /** `YYYY-MM-DD` in the team's zone. */
  readonly day: string
  readonly today: string
  readonly onDayChange: (day: string) => void
}

/** Who starts late on a day (today by default) because they were woken the night before, in their own zone. */
export function SleepInList({ notices, wakeUps, now, day, today, onDayChange }: SleepInListProps) {
  const isToday = day === today
  return (
    <section className="card health-card" aria-labelledby="sleep-in-title" data-testid="sleep-ins">
      <div className="section__header">
        <h2 id="sleep-in-title">{isToday ? 'Starting late today' : `Starting late on ${day}`}</h2>
        <label className="health-inline-label">
          Day <input type="date" value={day} onChange={(e) => onDayChange(e.target.value === '' ? today : e.target.value)} />
        </label>
      </div>
      {notices.length === 0 ? (
        <p className="empty">Nobody was woken the night before: everyone starts at their usual time.</p>
      ) : (
        <ul className="sleep-ins">
          {notices.map((n) => (
            <li key={n.id} className="sleep-in">
              <span className="sleep-in__icon" aria-hidden="true">☾</span>
              <span>{sleepInLine(n, wakeUps, now)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
