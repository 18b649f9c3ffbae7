import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { EscalationPolicy, Schedule, Team, User } from '../../../types/api'
import { updatePolicy } from '../api/update-policy'
import { draftFromPolicy } from '../utils/policy-draft'
import { PolicyForm } from './policy-form'

interface PolicyEditDialogProps {
  readonly policy: EscalationPolicy
  readonly teams: readonly Team[]
  readonly users: readonly User[]
  readonly schedules: readonly Schedule[]
  /** Called with the API's answer, which carries its readiness warnings. */
  readonly onSaved: (policy: EscalationPolicy) => void
}

/** An "Edit" button and the dialog that changes a policy (its steps are replaced as a whole). */
export function PolicyEditDialog({ policy, teams, users, schedules, onSaved }: PolicyEditDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Edit<span className="visually-hidden"> {policy.name}</span>
      </button>
      <Dialog title={`Edit ${policy.name}`} open={open} onClose={() => setOpen(false)} wide>
        <PolicyForm
          initial={draftFromPolicy(policy)}
          teams={teams}
          users={users}
          schedules={schedules}
          submitLabel="Save changes"
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            const saved = await updatePolicy(policy.id, input)
            setOpen(false)
            onSaved(saved)
          }}
        />
      </Dialog>
    </>
  )
}
