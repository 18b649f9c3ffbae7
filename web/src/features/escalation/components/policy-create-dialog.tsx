import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { EscalationPolicy, Schedule, Team, User } from '../../../types/api'
import { createPolicy } from '../api/create-policy'
import { emptyDraft } from '../utils/policy-draft'
import { PolicyForm } from './policy-form'

interface PolicyCreateDialogProps {
  readonly teams: readonly Team[]
  readonly users: readonly User[]
  readonly schedules: readonly Schedule[]
  /** Called with the API's answer, which carries its readiness warnings. */
  readonly onSaved: (policy: EscalationPolicy) => void
}

/** The "Create policy" button and its dialog. */
export function PolicyCreateDialog({ teams, users, schedules, onSaved }: PolicyCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Create policy</button>
      <Dialog title="Create escalation policy" open={open} onClose={() => setOpen(false)} wide>
        <PolicyForm
          initial={emptyDraft(teams.length === 1 ? (teams[0]?.id ?? '') : '')}
          teams={teams}
          users={users}
          schedules={schedules}
          submitLabel="Create policy"
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            const policy = await createPolicy(input)
            setOpen(false)
            onSaved(policy)
          }}
        />
      </Dialog>
    </>
  )
}
