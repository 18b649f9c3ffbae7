import { useState } from 'react'
import { Alert } from '../../../components/alert'
import type { Instant } from '../../../lib/time'
import type { MitigationAgent } from '../../../types/api'
import { agentPresence } from '../utils/agent-presence'

interface AgentListProps {
  readonly agents: readonly MitigationAgent[]
  /** The server's now: an agent silent for two minutes is offline. */
  readonly now: Instant
  /** Removes an agent; rejects with the API's reason. */
  readonly onRemove: (agent: MitigationAgent) => Promise<void>
}

/** A team's agents: the commands their allow-lists declare, and whether they are connected. */
export function AgentList({ agents, now, onRemove }: AgentListProps) {
  const [error, setError] = useState<string>()
  if (agents.length === 0) return <p className="empty">No agents. Register one to run allow-listed commands (restart a service, clear a cache) on a host.</p>
  const remove = async (a: MitigationAgent) => {
    if (!window.confirm(`Remove the agent “${a.name}”? Its token stops working at once, and rules that use it will fail and page.`)) return
    setError(undefined)
    try {
      await onRemove(a)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <>
      {error !== undefined && <Alert>{error}</Alert>}
      <div className="table-wrap">
        <table className="table agent-table" aria-label="Agents">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Commands it allows</th>
              <th scope="col">Last seen</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => {
              const presence = agentPresence(a.lastSeenAt, now)
              return (
                <tr key={a.id}>
                  <td>
                    <strong>{a.name}</strong>
                    <p className="muted table__sub">token <code>{a.tokenPrefix}…</code></p>
                  </td>
                  <td>
                    {a.commands.length === 0 ? (
                      <span className="muted">none reported yet (the agent sends its allow-list when it connects)</span>
                    ) : (
                      <ul className="chip-list">{a.commands.map((c) => <li key={c} className="chip chip--command"><code>{c}</code></li>)}</ul>
                    )}
                  </td>
                  <td data-label="Last seen">
                    <span className={`presence presence--${presence.state}`}>{presence.text}</span>
                  </td>
                  <td className="table__actions">
                    <button type="button" className="button button--small button--danger" onClick={() => void remove(a)}>
                      Remove<span className="visually-hidden"> {a.name}</span>
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}
