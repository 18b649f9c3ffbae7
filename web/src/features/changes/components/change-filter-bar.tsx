import { Field } from '../../../components/field'
import type { Service, Team } from '../../../types/api'
import { STATE_FILTERS } from '../utils/change-labels'

/** The list's filters as the query string keeps them. */
export interface ChangeListFilter {
  readonly state: string
  readonly teamId: string
  readonly serviceId: string
  readonly mine: boolean
}

interface ChangeFilterBarProps {
  readonly filter: ChangeListFilter
  readonly teams: readonly Team[]
  readonly services: readonly Service[]
  readonly onChange: (next: ChangeListFilter) => void
}

/** State, team, service and "only mine" filters over the change list. */
export function ChangeFilterBar({ filter, teams, services, onChange }: ChangeFilterBarProps) {
  return (
    <form className="filter-bar" aria-label="Filter change requests" onSubmit={(e) => e.preventDefault()}>
      <Field label="State">
        {(control) => (
          <select {...control} value={filter.state} onChange={(e) => onChange({ ...filter, state: e.target.value })}>
            {STATE_FILTERS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        )}
      </Field>
      <Field label="Team">
        {(control) => (
          <select {...control} value={filter.teamId} onChange={(e) => onChange({ ...filter, teamId: e.target.value, serviceId: '' })}>
            <option value="">All teams</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        )}
      </Field>
      <Field label="Service">
        {(control) => (
          <select {...control} value={filter.serviceId} onChange={(e) => onChange({ ...filter, serviceId: e.target.value })}>
            <option value="">All services</option>
            {services.filter((s) => filter.teamId === '' || s.teamId === filter.teamId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        )}
      </Field>
      <div className="change-filter-bar__author">
        <span className="field__label">Author</span>
        <label className="checkbox change-filter-bar__mine">
          <input type="checkbox" checked={filter.mine} onChange={(e) => onChange({ ...filter, mine: e.target.checked })} /> Only mine
        </label>
      </div>
    </form>
  )
}
