import { useState } from 'react'
import type { MitigationAgent, MitigationRule, Service, Team } from '../../../types/api'
import { deleteMitigationRule } from '../api/delete-mitigation-rule'
import { updateMitigationRule, type MitigationRulePatch } from '../api/update-mitigation-rule'
import { RuleEditDialog } from './rule-edit-dialog'

interface RuleActionsProps {
  readonly rule: MitigationRule
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  readonly agentsByTeam: ReadonlyMap<string, readonly MitigationAgent[]>
  /** Called with a line saying what changed, after the API accepted it. */
  readonly onChanged: (message: string) => void
  readonly onDeleted: (message: string) => void
  /** Reports a refusal (not a team admin, say). */
  readonly onError: (message: string) => void
}

/** Go live (leave dry run), Pause or Resume, Edit and Delete for one rule. */
export function RuleActions({ rule, services, teams, agentsByTeam, onChanged, onDeleted, onError }: RuleActionsProps) {
  const [pending, setPending] = useState(false)
  const run = async (send: () => Promise<unknown>, done: () => void) => {
    setPending(true)
    try {
      await send()
      done()
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  const patch = (body: MitigationRulePatch, message: string) => run(() => updateMitigationRule(rule.id, body), () => onChanged(message))
  const remove = () => {
    if (!window.confirm(`Delete the mitigation rule “${rule.name}”? Its runs stay in the alerts’ timelines.`)) return
    void run(() => deleteMitigationRule(rule.id), () => onDeleted(`Deleted “${rule.name}”.`))
  }
  const hidden = <span className="visually-hidden"> {rule.name}</span>
  return (
    <div className="button-group">
      {rule.dryRun && (
        <button
          type="button"
          className="button button--small button--primary"
          disabled={pending}
          title="Leave dry run: act on matching alerts from now on"
          onClick={() => void patch({ dryRun: false }, `“${rule.name}” is live: it acts on matching alerts${rule.paused ? ' once resumed' : ''}.`)}
        >
          Go live{hidden}
        </button>
      )}
      {rule.paused ? (
        <button type="button" className="button button--small" disabled={pending} onClick={() => void patch({ paused: false }, `Resumed “${rule.name}”.`)}>
          Resume{hidden}
        </button>
      ) : (
        <button type="button" className="button button--small" disabled={pending} onClick={() => void patch({ paused: true }, `Paused “${rule.name}”: matching alerts page as usual.`)}>
          Pause{hidden}
        </button>
      )}
      <RuleEditDialog rule={rule} services={services} teams={teams} agentsByTeam={agentsByTeam} onSaved={() => onChanged(`Saved “${rule.name}”.`)} />
      <button type="button" className="button button--small button--danger" disabled={pending} onClick={remove}>
        Delete{hidden}
      </button>
    </div>
  )
}
