import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { EventRule, Service } from '../../../types/api'
import { createEventRule } from '../api/create-event-rule'
import { emptyEventRuleDraft } from '../utils/rule-draft'
import { EventRuleForm } from './event-rule-form'

interface EventRuleCreateDialogProps {
  readonly service: Service
  readonly routeTargets: readonly Service[]
  readonly onCreated: (rule: EventRule) => void
}

/** The "Add rule" button and its dialog; a new rule goes last. */
export function EventRuleCreateDialog({ service, routeTargets, onCreated }: EventRuleCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Add rule</button>
      <Dialog title={`Add event rule to ${service.name}`} open={open} onClose={() => setOpen(false)} wide>
        <EventRuleForm
          initial={emptyEventRuleDraft()}
          routeTargets={routeTargets}
          submitLabel="Add rule"
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            const rule = await createEventRule(service.id, input)
            setOpen(false)
            onCreated(rule)
          }}
        />
      </Dialog>
    </>
  )
}
