import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { EventRule, Service } from '../../../types/api'
import { updateEventRule } from '../api/update-event-rule'
import { draftFromEventRule } from '../utils/rule-draft'
import { EventRuleForm } from './event-rule-form'

interface EventRuleEditDialogProps {
  readonly rule: EventRule
  readonly routeTargets: readonly Service[]
  readonly onSaved: () => void
}

/** The "Edit" button and dialog of one rule. */
export function EventRuleEditDialog({ rule, routeTargets, onSaved }: EventRuleEditDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Edit<span className="visually-hidden"> {rule.name}</span>
      </button>
      <Dialog title={`Edit ${rule.name || 'rule'}`} open={open} onClose={() => setOpen(false)} wide>
        <EventRuleForm
          initial={draftFromEventRule(rule)}
          routeTargets={routeTargets}
          submitLabel="Save changes"
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            await updateEventRule(rule.id, input)
            setOpen(false)
            onSaved()
          }}
        />
      </Dialog>
    </>
  )
}
