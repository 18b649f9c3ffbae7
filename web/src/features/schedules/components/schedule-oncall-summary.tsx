import { Alert } from '../../../components/alert'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { OnCall, Schedule } from '../../../types/api'

/** One line on a schedule's page: who is on call now and until when, or a loud gap. */
export function ScheduleOnCallSummary({ oncall, schedule }: { readonly oncall: OnCall; readonly schedule: Schedule }) {
  const zone = schedule.timeZone
  const end = parseInstant(oncall.shift.end)
  const until = `${formatDateTime(end, zone)} ${zoneAbbreviation(end, zone)}`
  if (oncall.shift.user === null) {
    return <Alert><strong>Nobody is on call until {until}</strong></Alert>
  }
  const { source } = oncall.shift
  const via = source.type === 'override' ? 'an override' : `layer ${schedule.layers.find((l) => l.id === source.layerId)?.name ?? ''}`
  return (
    <p className="summary">
      On call now: <strong>{oncall.shift.user.name}</strong> until {until} <span className="muted">via {via}</span>
    </p>
  )
}
