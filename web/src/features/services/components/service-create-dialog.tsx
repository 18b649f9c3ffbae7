import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { Service, Team } from '../../../types/api'
import { createService } from '../api/create-service'
import { ServiceForm } from './service-form'

interface ServiceCreateDialogProps {
  readonly teams: readonly Team[]
  readonly services: readonly Service[]
  readonly onCreated: () => void
}

/** A "Create service" button and its dialog. */
export function ServiceCreateDialog({ teams, services, onCreated }: ServiceCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Create service</button>
      <Dialog title="Create service" open={open} onClose={() => setOpen(false)}>
        <ServiceForm
          teams={teams}
          services={services}
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            await createService(input)
            setOpen(false)
            onCreated()
          }}
        />
      </Dialog>
    </>
  )
}
