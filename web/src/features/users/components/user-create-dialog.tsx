import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import { createUser } from '../api/create-user'
import { UserForm } from './user-form'

/** An "Add person" button and its dialog. */
export function UserCreateDialog({ onCreated }: { readonly onCreated: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Add person</button>
      <Dialog title="Add person" open={open} onClose={() => setOpen(false)}>
        <UserForm
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            await createUser(input)
            setOpen(false)
            onCreated()
          }}
        />
      </Dialog>
    </>
  )
}
