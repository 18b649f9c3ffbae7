import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { Heartbeat, Service, Team } from '../../../types/api'
import { updateHeartbeat } from '../api/update-heartbeat'
import { draftFromHeartbeat } from '../utils/heartbeat-draft'
import { HeartbeatForm } from './heartbeat-form'

interface HeartbeatEditDialogProps {
  readonly heartbeat: Heartbeat
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly timeZone: string
  readonly onSaved: () => void
}

/** The "Edit" button and dialog of one heartbeat; its ping URL stays the same. */
export function HeartbeatEditDialog({ heartbeat, services, teams, timeZone, onSaved }: HeartbeatEditDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Edit<span className="visually-hidden"> {heartbeat.name}</span>
      </button>
      <Dialog title={`Edit ${heartbeat.name}`} open={open} onClose={() => setOpen(false)} wide>
        <HeartbeatForm
          initial={draftFromHeartbeat(heartbeat, timeZone)}
          services={services}
          teams={teams}
          editing
          submitLabel="Save changes"
          onCancel={() => setOpen(false)}
          onSubmit={async (_serviceId, input) => {
            await updateHeartbeat(heartbeat.id, input)
            setOpen(false)
            onSaved()
          }}
        />
      </Dialog>
    </>
  )
}
