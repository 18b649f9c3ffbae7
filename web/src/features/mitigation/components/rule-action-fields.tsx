import { Field } from '../../../components/field'
import type { MitigationAgent } from '../../../types/api'
import type { RuleDraft } from '../utils/rule-draft'

interface RuleActionFieldsProps {
  readonly draft: RuleDraft
  /** The agents of the service's team (an agent only acts for its own team). */
  readonly agents: readonly MitigationAgent[]
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (patch: Partial<RuleDraft>) => void
}

const METHODS = ['POST', 'PUT', 'GET', 'DELETE'] as const

/** What the rule does: an HTTP call, or a command from an agent's allow-list (picked by name, never a shell line). */
export function RuleActionFields({ draft, agents, fieldErrors, onChange }: RuleActionFieldsProps) {
  const agent = agents.find((a) => a.id === draft.agentId)
  // A command saved earlier stays choosable even if the agent stopped declaring it.
  const commands = agent === undefined ? [] : [...new Set([...agent.commands, ...(draft.command === '' ? [] : [draft.command])])]
  return (
    <fieldset className={fieldErrors['action.type'] === undefined ? 'fieldset' : 'fieldset fieldset--invalid'}>
      <legend>Then do</legend>
      {fieldErrors['action.type'] !== undefined && <p className="field__error fieldset__error">{fieldErrors['action.type']}</p>}
      <div className="form">
        <div className="segmented" role="radiogroup" aria-label="Action type">
          <label className="checkbox">
            <input type="radio" name="action-type" checked={draft.actionType === 'http'} onChange={() => onChange({ actionType: 'http' })} />
            <span>HTTP call</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="action-type" checked={draft.actionType === 'agent'} onChange={() => onChange({ actionType: 'agent' })} />
            <span>Agent command</span>
          </label>
        </div>
        {draft.actionType === 'http' ? (
          <>
            <div className="form__row form__row--method">
              <Field label="Method" error={fieldErrors['action.method']}>
                {(control) => (
                  <select {...control} value={draft.method} onChange={(e) => onChange({ method: e.target.value })}>
                    {METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
                  </select>
                )}
              </Field>
              <Field label="URL" error={fieldErrors['action.url']} hint={<>May contain placeholders such as <code>{'{{alert.labels.instance}}'}</code>. Tend signs each call (header <code>x-tend-signature</code>).</>}>
                {(control) => <input {...control} type="url" className="input--mono" spellCheck={false} placeholder="https://orchestrator.example/restart" value={draft.url} onChange={(e) => onChange({ url: e.target.value })} />}
              </Field>
            </div>
            {draft.method !== 'GET' && (
              <Field label="Body (optional JSON)" error={fieldErrors['action.body']} hint="String values may contain placeholders too.">
                {(control) => <textarea {...control} rows={3} className="input--mono" spellCheck={false} placeholder='{"instance": "{{alert.labels.instance}}"}' value={draft.body} onChange={(e) => onChange({ body: e.target.value })} />}
              </Field>
            )}
          </>
        ) : agents.length === 0 ? (
          <p className="field__error" role="status">This team has no agents yet: register one under Agents on this page, start it on the host, then pick its command here.</p>
        ) : (
          <div className="form__row">
            <Field label="Agent" error={fieldErrors['action.agentId']}>
              {(control) => (
                <select {...control} value={draft.agentId} onChange={(e) => onChange({ agentId: e.target.value, command: '' })}>
                  <option value="">Choose an agent…</option>
                  {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
                </select>
              )}
            </Field>
            <Field
              label="Command"
              error={fieldErrors['action.command']}
              hint={agent !== undefined && agent.commands.length === 0 ? 'This agent has not reported its allow-list yet (it does when it connects): type the command name.' : "A name from the agent's allow-list in agent.yaml."}
            >
              {(control) =>
                agent !== undefined && agent.commands.length === 0 ? (
                  <input {...control} type="text" className="input--mono" spellCheck={false} value={draft.command} onChange={(e) => onChange({ command: e.target.value })} />
                ) : (
                  <select {...control} value={draft.command} disabled={agent === undefined} onChange={(e) => onChange({ command: e.target.value })}>
                    <option value="">{agent === undefined ? 'Choose an agent first' : 'Choose a command…'}</option>
                    {commands.map((c) => <option key={c} value={c}>{c}</option>)}
                  </select>
                )
              }
            </Field>
          </div>
        )}
        <Field label="Timeout (seconds)" error={fieldErrors['action.timeoutSeconds']} hint="1–900; past it the run fails and a human is paged.">
          {(control) => <input {...control} type="number" min={1} max={900} className="input--narrow" value={draft.timeoutSeconds} onChange={(e) => onChange({ timeoutSeconds: e.target.value })} />}
        </Field>
      </div>
    </fieldset>
  )
}
