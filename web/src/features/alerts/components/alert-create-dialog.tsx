import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { AlertRecord, Service, Team, User } from '../../../types/api'
import { createAlert } from '../api/create-alert'
import { AlertForm } from './alert-form'

interface AlertCreateDialogProps {
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly users: readonly User[]
  /** Called with the new alert once the API raised it. */
  readonly onCreated: (alert: AlertRecord) => void
}

/** The "Page someone" button and its dialog, which raises an alert by hand. */
export function AlertCreateDialog({ services, teams, users, onCreated }: AlertCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Page someone</button>
      <Dialog title="Page someone" open={open} onClose={() => setOpen(false)}>
        <AlertForm
          services={services}
          teams={teams}
          users={users}
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            const alert = await createAlert(input)
            setOpen(false)
            onCreated(alert)
          }}
        />
      </Dialog>
    </>
  )
}
