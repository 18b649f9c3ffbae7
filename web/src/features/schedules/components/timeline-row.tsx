import type { Shift } from '../../../types/api'
import { layoutShifts, type TimelineRange } from '../utils/timeline'
import { ShiftBlock } from './shift-block'

interface TimelineRowProps {
  /** The row's accessible name, e.g. "Final schedule" or "Layer: Weekly 24/7". */
  readonly name: string
  readonly title: string
  readonly subtitle?: string
  readonly shifts: readonly Shift[]
  readonly range: TimelineRange
  readonly zone: string
  readonly colors: ReadonlyMap<string, string>
  /** Layer names by id, to say where each final shift comes from. */
  readonly layerNames?: ReadonlyMap<string, string>
  /** Layer rows leave gaps blank (other layers cover them); the final row shows them in red. */
  readonly showGaps: boolean
  readonly emphasis?: boolean
}

/** One row of the schedule timeline: a label and its shifts as positioned blocks. */
export function TimelineRow({ name, title, subtitle, shifts, range, zone, colors, layerNames, showGaps, emphasis = false }: TimelineRowProps) {
  const blocks = layoutShifts(showGaps ? shifts : shifts.filter((s) => s.user !== null), range)
  return (
    <div className={emphasis ? 'timeline__row timeline__row--final' : 'timeline__row'}>
      <div className="timeline__label">
        <span className="timeline__label-title">{title}</span>
        {subtitle !== undefined && <span className="timeline__label-subtitle">{subtitle}</span>}
      </div>
      <ul className="timeline__track" aria-label={name}>
        {blocks.map((block) => (
          <ShiftBlock
            key={`${block.shift.start}-${block.shift.user?.id ?? 'gap'}`}
            block={block}
            zone={zone}
            color={block.shift.user === null ? undefined : colors.get(block.shift.user.id)}
            layerName={block.shift.source.layerId === undefined ? undefined : layerNames?.get(block.shift.source.layerId)}
          />
        ))}
      </ul>
    </div>
  )
}
