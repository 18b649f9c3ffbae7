import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { MitigationAgent, MitigationRule, Service, Team } from '../../../types/api'
import { updateMitigationRule } from '../api/update-mitigation-rule'
import { draftFromRule } from '../utils/rule-draft'
import { RuleForm } from './rule-form'

interface RuleEditDialogProps {
  readonly rule: MitigationRule
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly agentsByTeam: ReadonlyMap<string, readonly MitigationAgent[]>
  readonly onSaved: () => void
}

/** An "Edit" button and the dialog that changes a rule's match, action and behaviour. */
export function RuleEditDialog({ rule, services, teams, agentsByTeam, onSaved }: RuleEditDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        Edit<span className="visually-hidden"> {rule.name}</span>
      </button>
      <Dialog title={`Edit ${rule.name}`} open={open} onClose={() => setOpen(false)} wide>
        <RuleForm
          initial={draftFromRule(rule)}
          services={services}
          teams={teams}
          agentsByTeam={agentsByTeam}
          editing
          submitLabel="Save changes"
          onCancel={() => setOpen(false)}
          onSubmit={async (_serviceId, input) => {
            await updateMitigationRule(rule.id, input)
            setOpen(false)
            onSaved()
          }}
        />
      </Dialog>
    </>
  )
}
