import { useState } from 'react'
import type { Alarm, Service, Team } from '../../../types/api'
import { deleteAlarm } from '../api/delete-alarm'
import { AlarmEditDialog } from './alarm-edit-dialog'

interface AlarmActionsProps {
  readonly alarm: Alarm
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly onChanged: (message: string) => void
  readonly onDeleted: (message: string) => void
  readonly onError: (message: string) => void
}

/** Edit and Delete for one alarm. */
export function AlarmActions({ alarm, services, teams, onChanged, onDeleted, onError }: AlarmActionsProps) {
  const [pending, setPending] = useState(false)
  const remove = async () => {
    if (!window.confirm(`Delete the alarm “${alarm.name}” and its history? An alert it opened stays for people to resolve.`)) return
    setPending(true)
    try {
      await deleteAlarm(alarm.id)
      onDeleted(`Deleted “${alarm.name}”.`)
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  return (
    <div className="button-group">
      <AlarmEditDialog alarm={alarm} services={services} teams={teams} onSaved={() => onChanged(`Saved “${alarm.name}”; it is evaluated again now.`)} />
      <button type="button" className="button button--small button--danger" disabled={pending} onClick={() => void remove()}>
        Delete<span className="visually-hidden"> {alarm.name}</span>
      </button>
    </div>
  )
}
