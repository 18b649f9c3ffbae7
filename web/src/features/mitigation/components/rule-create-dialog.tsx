import { useState } from 'react'
import { Dialog } from '../../../components/dialog'
import type { MitigationAgent, MitigationRule, Service, Team } from '../../../types/api'
import { createMitigationRule } from '../api/create-mitigation-rule'
import { emptyRuleDraft } from '../utils/rule-draft'
import { RuleForm } from './rule-form'

interface RuleCreateDialogProps {
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly agentsByTeam: ReadonlyMap<string, readonly MitigationAgent[]>
  /** Called with the new rule, which carries its signing secret (shown only now). */
  readonly onCreated: (rule: MitigationRule) => void
}

/** The "Create rule" button and its dialog. */
export function RuleCreateDialog({ services, teams, agentsByTeam, onCreated }: RuleCreateDialogProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>Create rule</button>
      <Dialog title="Create mitigation rule" open={open} onClose={() => setOpen(false)} wide>
        <RuleForm
          initial={emptyRuleDraft(services.length === 1 ? (services[0]?.id ?? '') : '')}
          services={services}
          teams={teams}
          agentsByTeam={agentsByTeam}
          editing={false}
          submitLabel="Create rule"
          onCancel={() => setOpen(false)}
          onSubmit={async (serviceId, input) => {
            const rule = await createMitigationRule(serviceId, input)
            setOpen(false)
            onCreated(rule)
          }}
        />
      </Dialog>
    </>
  )
}
