import { useState } from 'react'
import type { MaintenanceWindow } from '../../../types/api'
import { endMaintenanceWindow } from '../api/end-maintenance-window'

interface MaintenanceWindowActionsProps {
  readonly window: MaintenanceWindow
  /** Names the window for screen readers, as several rows share the buttons' text. */
  readonly label: string
  readonly onChanged: (message: string) => void
  readonly onError: (message: string) => void
}

/** "End now" for an active window, "Cancel" for a scheduled one; nothing once it is over. */
export function MaintenanceWindowActions({ window: w, label, onChanged, onError }: MaintenanceWindowActionsProps) {
  const [pending, setPending] = useState(false)
  if (w.phase !== 'active' && w.phase !== 'scheduled') return null
  const active = w.phase === 'active'
  const end = async () => {
    setPending(true)
    try {
      await endMaintenanceWindow(w.id)
      onChanged(active ? `Ended “${w.reason}”: alerts it held that are still open page now.` : `Cancelled “${w.reason}”.`)
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  return (
    <button type="button" className={`button button--small${active ? ' button--danger' : ''}`} disabled={pending} onClick={() => void end()}>
      {active ? 'End now' : 'Cancel'}<span className="visually-hidden"> {label}</span>
    </button>
  )
}
