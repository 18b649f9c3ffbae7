import { Field } from '../../../components/field'
import type { Service, Team } from '../../../types/api'
import { STATUS_FILTERS, type AlertFilters, type StatusFilter } from '../utils/alert-filters'

interface AlertFilterBarProps {
  readonly filters: AlertFilters
  readonly teams: readonly Team[]
  readonly services: readonly Service[]
  readonly onChange: (filters: AlertFilters) => void
}

const orUndefined = (v: string) => (v === '' ? undefined : v)

/** Status, urgency, team and service pickers above the alert list. */
export function AlertFilterBar({ filters, teams, services, onChange }: AlertFilterBarProps) {
  // A service picked under one team makes no sense under another.
  const shownServices = filters.teamId === undefined ? services : services.filter((s) => s.teamId === filters.teamId)
  return (
    <form className="filter-bar" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
      <Field label="Status">
        {(control) => (
          <select {...control} value={filters.status} onChange={(e) => onChange({ ...filters, status: e.target.value as StatusFilter })}>
            {STATUS_FILTERS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        )}
      </Field>
      <Field label="Urgency">
        {(control) => (
          <select {...control} value={filters.urgency ?? ''} onChange={(e) => onChange({ ...filters, urgency: orUndefined(e.target.value) as AlertFilters['urgency'] })}>
            <option value="">Any urgency</option>
            <option value="high">High</option>
            <option value="low">Low</option>
          </select>
        )}
      </Field>
      <Field label="Team">
        {(control) => (
          <select
            {...control}
            value={filters.teamId ?? ''}
            onChange={(e) => {
              const teamId = orUndefined(e.target.value)
              const keep = teamId === undefined || services.find((s) => s.id === filters.serviceId)?.teamId === teamId
              onChange({ ...filters, teamId, serviceId: keep ? filters.serviceId : undefined })
            }}
          >
            <option value="">All teams</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        )}
      </Field>
      <Field label="Service">
        {(control) => (
          <select {...control} value={filters.serviceId ?? ''} onChange={(e) => onChange({ ...filters, serviceId: orUndefined(e.target.value) })}>
            <option value="">All services</option>
            {shownServices.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        )}
      </Field>
    </form>
  )
}
