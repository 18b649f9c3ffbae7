import { useState } from 'react'
import type { EventRule, Service } from '../../../types/api'
import { deleteEventRule } from '../api/delete-event-rule'
import { moveEventRule } from '../api/move-event-rule'
import { updateEventRule } from '../api/update-event-rule'
import { describeActions, describeConditions } from '../utils/describe-rule'
import { EventRuleEditDialog } from './event-rule-edit-dialog'

interface EventRuleListProps {
  readonly rules: readonly EventRule[]
  readonly services: readonly Service[]
  readonly routeTargets: readonly Service[]
  readonly onChanged: (message: string) => void
  readonly onError: (message: string) => void
}

/** A service's rules in evaluation order, with Up/Down to reorder, Edit, Enable/Disable and Delete. */
export function EventRuleList({ rules, services, routeTargets, onChanged, onError }: EventRuleListProps) {
  const [pending, setPending] = useState(false)
  if (rules.length === 0) return <p className="empty card">No event rules: every event of this service can page, as its urgency says.</p>
  const sorted = [...rules].sort((a, b) => a.position - b.position)
  const serviceName = (id: string) => services.find((s) => s.id === id || s.name === id)?.name ?? id
  const run = async (send: () => Promise<unknown>, message: string) => {
    setPending(true)
    try {
      await send()
      onChanged(message)
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  return (
    <ol className="aq-rules" aria-label="Event rules">
      {sorted.map((r, i) => {
        const name = r.name === '' ? `Rule ${i + 1}` : r.name
        const hidden = <span className="visually-hidden"> {name}</span>
        return (
          <li key={r.id} className={r.disabled ? 'card aq-rule aq-rule--disabled' : 'card aq-rule'} id={`rule-${r.id}`} aria-label={name}>
            <span className="aq-rule__position" aria-hidden="true">{i + 1}</span>
            <div className="aq-rule__body">
              <h3 className="aq-rule__name">
                {name} {r.disabled && <span className="badge">disabled</span>}
              </h3>
              <p><span className="muted">When</span> {describeConditions(r.conditions)}</p>
              <p><span className="muted">Then</span> {describeActions(r.actions, serviceName).join('; ')}</p>
            </div>
            <div className="button-group aq-rule__actions">
              <button type="button" className="button button--small" disabled={pending || i === 0} onClick={() => void run(() => moveEventRule(r.id, i - 1), `Moved “${name}” up.`)}>
                ↑ Up{hidden}
              </button>
              <button type="button" className="button button--small" disabled={pending || i === sorted.length - 1} onClick={() => void run(() => moveEventRule(r.id, i + 1), `Moved “${name}” down.`)}>
                ↓ Down{hidden}
              </button>
              <EventRuleEditDialog rule={r} routeTargets={routeTargets} onSaved={() => onChanged(`Saved “${name}”.`)} />
              <button type="button" className="button button--small" disabled={pending} onClick={() => void run(() => updateEventRule(r.id, { disabled: !r.disabled }), r.disabled ? `Enabled “${name}”.` : `Disabled “${name}”: events skip it.`)}>
                {r.disabled ? 'Enable' : 'Disable'}{hidden}
              </button>
              <button
                type="button"
                className="button button--small button--danger"
                disabled={pending}
                onClick={() => {
                  if (window.confirm(`Delete the event rule “${name}”? Events it acted on stay visible.`)) void run(() => deleteEventRule(r.id), `Deleted “${name}”.`)
                }}
              >
                Delete{hidden}
              </button>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
