import type { Service, Team } from '../../../types/api'

interface ServicePickerProps {
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly selected: readonly string[]
  readonly onChange: (ids: readonly string[]) => void
  readonly error: string | undefined
}

/** The services a change touches, by team, as checkboxes; the blast radius starts from them. */
export function ServicePicker({ services, teams, selected, onChange, error }: ServicePickerProps) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id))
  return (
    <fieldset className={error === undefined ? 'fieldset' : 'fieldset fieldset--invalid'}>
      <legend>Services touched</legend>
      {teams.map((team) => {
        const own = services.filter((s) => s.teamId === team.id)
        if (own.length === 0) return null
        return (
          <div key={team.id} className="service-picker__team">
            <p className="service-picker__team-name">{team.name}</p>
            <div className="checkbox-list">
              {own.map((s) => (
                <label key={s.id} className="checkbox">
                  <input type="checkbox" checked={selected.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} /> {s.name}
                </label>
              ))}
            </div>
          </div>
        )
      })}
      {error !== undefined && <p className="fieldset__error field__error">{error}</p>}
      <p className="field__hint">Tend follows the dependency graph from these to everything that depends on them.</p>
    </fieldset>
  )
}
