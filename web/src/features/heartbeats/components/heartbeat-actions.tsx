import { useState } from 'react'
import type { Heartbeat, Service, Team } from '../../../types/api'
import { deleteHeartbeat } from '../api/delete-heartbeat'
import { HeartbeatEditDialog } from './heartbeat-edit-dialog'

interface HeartbeatActionsProps {
  readonly heartbeat: Heartbeat
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly timeZone: string
  readonly onChanged: (message: string) => void
  readonly onDeleted: (message: string) => void
  readonly onError: (message: string) => void
}

/** Edit and Delete for one heartbeat. */
export function HeartbeatActions({ heartbeat, services, teams, timeZone, onChanged, onDeleted, onError }: HeartbeatActionsProps) {
  const [pending, setPending] = useState(false)
  const remove = async () => {
    if (!window.confirm(`Delete the heartbeat “${heartbeat.name}”? Its ping URL stops working; an open alert stays for people to resolve.`)) return
    setPending(true)
    try {
      await deleteHeartbeat(heartbeat.id)
      onDeleted(`Deleted “${heartbeat.name}”.`)
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  return (
    <div className="button-group">
      <HeartbeatEditDialog heartbeat={heartbeat} services={services} teams={teams} timeZone={timeZone} onSaved={() => onChanged(`Saved “${heartbeat.name}”.`)} />
      <button type="button" className="button button--small button--danger" disabled={pending} onClick={() => void remove()}>
        Delete<span className="visually-hidden"> {heartbeat.name}</span>
      </button>
    </div>
  )
}
