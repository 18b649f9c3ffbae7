import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { Instant } from '../../../lib/time'
import { createOverride } from '../api/create-override'
import { OverrideForm } from './override-form'
import type { Person } from '../types'

interface OverrideCreateDialogProps {
  readonly scheduleId: string
  readonly zone: string
  readonly members: readonly Person[]
  readonly others: readonly Person[]
  readonly now: Instant
  /** Called after the API created the override, to reload what shows it. */
  readonly onCreated: () => void
}

/** A "Create override" button and the dialog with the override form. */
export function OverrideCreateDialog({ scheduleId, zone, members, others, now, onCreated }: OverrideCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        Create override
      </button>
      <Dialog title="Create override" open={open} onClose={() => setOpen(false)}>
        <OverrideForm
          zone={zone}
          members={members}
          others={others}
          now={now}
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            await createOverride(scheduleId, input)
            setOpen(false)
            onCreated()
          }}
        />
      </Dialog>
    </>
  )
}
