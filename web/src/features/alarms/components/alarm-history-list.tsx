import { formatDay, formatTimeSeconds, parseInstant } from '../../../lib/time'
import type { AlarmHistoryEntry } from '../../../types/api'
import { AlarmStateChip } from './alarm-state-chip'

/** State changes and flapping starts and stops, newest first, with the reason the engine gave. */
export function AlarmHistoryList({ history, zone }: { readonly history: readonly AlarmHistoryEntry[]; readonly zone: string }) {
  if (history.length === 0) return <p className="empty">No history yet.</p>
  return (
    <ol className="alert-timeline" aria-label="State history">
      {history.map((h, i) => {
        const at = parseInstant(h.at)
        const tone = h.from !== h.to ? (h.to === 'ALARM' ? ' alert-timeline__item--bad' : h.to === 'OK' ? ' alert-timeline__item--good' : '') : ''
        return (
          <li key={`${h.at}-${i}`} className={`alert-timeline__item${tone}`}>
            <span className="alert-timeline__time">
              <span className="alert-timeline__day">{formatDay(at, zone)}</span>
              {formatTimeSeconds(at, zone)}
            </span>
            <span>
              {h.from !== h.to ? (
                <span className="aq-transition"><AlarmStateChip state={h.from} /> → <AlarmStateChip state={h.to} /></span>
              ) : (
                <span className="alert-timeline__kind">{/flapping/i.test(h.reason) ? 'Flapping' : 'Note'}</span>
              )}{' '}
              {h.reason}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
