import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { ContactMethod } from '../../../types/api'
import { createContactMethod } from '../api/create-contact-method'
import { ContactMethodForm } from './contact-method-form'

interface ContactMethodCreateDialogProps {
  readonly userId: string
  /** Called with the new method (a webhook's carries its signing secret, shown only now). */
  readonly onCreated: (method: ContactMethod) => void
}

/** The "Add contact method" button and its dialog. */
export function ContactMethodCreateDialog({ userId, onCreated }: ContactMethodCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Add contact method</button>
      <Dialog title="Add contact method" open={open} onClose={() => setOpen(false)}>
        <ContactMethodForm
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            const method = await createContactMethod(userId, input)
            setOpen(false)
            onCreated(method)
          }}
        />
      </Dialog>
    </>
  )
}
