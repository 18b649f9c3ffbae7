import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { HeartbeatCreated, Service, Team } from '../../../types/api'
import { createHeartbeat } from '../api/create-heartbeat'
import { emptyHeartbeatDraft } from '../utils/heartbeat-draft'
import { HeartbeatForm } from './heartbeat-form'

interface HeartbeatCreateDialogProps {
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** Preselected service (the page's filter), or ''. */
  readonly serviceId: string
  readonly timeZone: string
  /** Called with the answer, which carries the ping URL (shown only now). */
  readonly onCreated: (created: HeartbeatCreated) => void
}

/** The "Create heartbeat" button and its dialog. */
export function HeartbeatCreateDialog({ services, teams, serviceId, timeZone, onCreated }: HeartbeatCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Create heartbeat</button>
      <Dialog title="Create heartbeat" open={open} onClose={() => setOpen(false)} wide>
        <HeartbeatForm
          initial={emptyHeartbeatDraft(serviceId !== '' ? serviceId : services.length === 1 ? (services[0]?.id ?? '') : '', timeZone)}
          services={services}
          teams={teams}
          editing={false}
          submitLabel="Create heartbeat"
          onCancel={() => setOpen(false)}
          onSubmit={async (id, input) => {
            const created = await createHeartbeat(id, input)
            setOpen(false)
            onCreated(created)
          }}
        />
      </Dialog>
    </>
  )
}
