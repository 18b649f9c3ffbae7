import { useState } from 'react'
import { Alert } from '../../../components/alert'
import type { EscalationPolicy, Schedule, Service, Team, User } from '../../../types/api'
import { PolicyEditDialog } from './policy-edit-dialog'
import { PolicyWarnings } from './policy-warnings'

interface PolicyListProps {
  readonly policies: readonly EscalationPolicy[]
  readonly teams: readonly Team[]
  readonly users: readonly User[]
  readonly schedules: readonly Schedule[]
  readonly services: readonly Service[]
  readonly onSaved: (policy: EscalationPolicy) => void
  /** Deletes a policy; rejects with the API's reason (a service still uses it, say). */
  readonly onDelete: (policy: EscalationPolicy) => Promise<void>
}

const minutes = (n: number) => (n === 1 ? '1 min' : `${n} min`)

/** Each policy as a card: its steps in order, who they page, the waits, its warnings and the services using it. */
export function PolicyList({ policies, teams, users, schedules, services, onSaved, onDelete }: PolicyListProps) {
  const [error, setError] = useState<string>()
  if (policies.length === 0) return <p className="empty">No escalation policies for this team yet. Without one, a service’s alerts page whoever is on call on the team’s schedules.</p>
  const targetName = (type: string, id: string) =>
    type === 'user' ? (users.find((u) => u.id === id)?.name ?? 'Unknown person') : (schedules.find((s) => s.id === id)?.name ?? 'Unknown schedule')

  const remove = async (p: EscalationPolicy) => {
    if (!window.confirm(`Delete the escalation policy “${p.name}”?`)) return
    setError(undefined)
    try {
      await onDelete(p)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  return (
    <>
      {error !== undefined && <Alert>{error}</Alert>}
      <div className="policy-grid">
        {policies.map((p) => {
          const usedBy = services.filter((s) => s.escalationPolicyId === p.id)
          return (
            <article key={p.id} className="card policy-card" aria-labelledby={`policy-${p.id}`}>
              <header className="policy-card__header">
                <div>
                  <h3 id={`policy-${p.id}`}>{p.name}</h3>
                  {p.description !== '' && <p className="muted">{p.description}</p>}
                </div>
                <div className="button-group">
                  <PolicyEditDialog policy={p} teams={teams} users={users} schedules={schedules} onSaved={onSaved} />
                  <button type="button" className="button button--small button--danger" onClick={() => void remove(p)}>
                    Delete<span className="visually-hidden"> {p.name}</span>
                  </button>
                </div>
              </header>
              <PolicyWarnings warnings={p.warnings} />
              <ol className="policy-card__steps">
                {p.steps.map((s, i) => (
                  <li key={s.id}>
                    <span className="policy-card__targets">
                      {s.targets.map((t) => (
                        <span key={`${t.type}:${t.id}`} className={`chip chip--${t.type}`}>
                          <span className="chip__type">{t.type === 'user' ? 'person' : 'schedule'}</span> {targetName(t.type, t.id)}
                        </span>
                      ))}
                    </span>
                    <span className="muted policy-card__wait">
                      {i < p.steps.length - 1 ? `then after ${minutes(s.delayMinutes)}, step ${i + 2}` : p.repeatCount > 0 ? `then after ${minutes(s.delayMinutes)}, from step 1 again` : `escalation ends after ${minutes(s.delayMinutes)}`}
                    </span>
                  </li>
                ))}
              </ol>
              <p className="muted policy-card__footer">
                {p.repeatCount === 0 ? 'Runs through the steps once.' : `Repeats ${p.repeatCount === 1 ? 'once' : `${p.repeatCount} times`} when nobody acknowledges.`}{' '}
                {usedBy.length === 0 ? 'No service uses it yet.' : `Used by ${usedBy.map((s) => s.name).join(', ')}.`}
              </p>
            </article>
          )
        })}
      </div>
    </>
  )
}
