import type { CSSProperties } from 'react'
import { formatRange } from '../../../lib/time'
import type { TimelineBlock } from '../utils/timeline'

interface ShiftBlockProps {
  readonly block: TimelineBlock
  readonly zone: string
  readonly color: string | undefined
  /** Which layer the shift comes from, for the tooltip of final-schedule blocks. */
  readonly layerName?: string | undefined
}

const initials = (name: string) =>
  name.split(/\s+/).filter(Boolean).map((part) => part[0]?.toUpperCase() ?? '').slice(0, 2).join('')

/** One shift on a timeline row: a coloured block per person, hatched red for nobody, striped for overrides. */
export function ShiftBlock({ block, zone, color, layerName }: ShiftBlockProps) {
  const { shift } = block
  const isGap = shift.user === null
  const isOverride = shift.source.type === 'override'
  const who = shift.user?.name ?? 'Nobody on call'
  const range = formatRange(block.start, block.end, zone)
  const via = isOverride ? `override (${shift.source.kind ?? 'manual'})` : isGap ? 'gap' : layerName !== undefined ? `layer ${layerName}` : undefined
  const title = [who, `${range} (${zone})`, via !== undefined ? `via ${via}` : undefined].filter(Boolean).join('\n')
  const className = ['shift', isGap ? 'shift--gap' : '', isOverride ? 'shift--override' : ''].filter(Boolean).join(' ')
  const style = { left: `${block.left}%`, width: `${block.width}%`, '--user-color': color ?? '#cbd5e1' } as CSSProperties

  return (
    <li className={className} style={style} title={title} data-user-id={shift.user?.id}>
      {isOverride && <span className="shift__tag">override</span>}
      <span className={isGap ? 'shift__name shift__name--gap' : 'shift__name shift__name--person'}>{isGap ? 'Nobody' : who}</span>
      {!isGap && <span className="shift__initials" aria-hidden="true">{initials(who)}</span>}
      <span className="visually-hidden">, {range}{via !== undefined && !isGap ? `, via ${via}` : ''}</span>
    </li>
  )
}
