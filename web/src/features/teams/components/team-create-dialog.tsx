import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import { createTeam } from '../api/create-team'
import { TeamForm } from './team-form'

/** A "Create team" button and its dialog. */
export function TeamCreateDialog({ onCreated }: { readonly onCreated: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Create team</button>
      <Dialog title="Create team" open={open} onClose={() => setOpen(false)}>
        <TeamForm
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            await createTeam(input)
            setOpen(false)
            onCreated()
          }}
        />
      </Dialog>
    </>
  )
}
