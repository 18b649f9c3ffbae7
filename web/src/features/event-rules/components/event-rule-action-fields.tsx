import type { Service } from '../../../types/api'
import type { EventRuleDraft } from '../utils/rule-draft'

interface EventRuleActionFieldsProps {
  readonly draft: EventRuleDraft
  /** Services an alert can be routed to (not this one). */
  readonly routeTargets: readonly Service[]
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (patch: Partial<EventRuleDraft>) => void
}

function Reason({ text }: { readonly text: string | undefined }) {
  return text === undefined ? null : <p className="field__error">{text}</p>
}

/** What a matching rule does: suppress, set urgency, route, or page only if it repeats or stays open. */
export function EventRuleActionFields({ draft, routeTargets, fieldErrors, onChange }: EventRuleActionFieldsProps) {
  const e = (k: string) => fieldErrors[k]
  const firesError = [e('actions.pageIfFires'), e('actions.pageIfFires.times'), e('actions.pageIfFires.withinMinutes'), e('actions.pageIfFires.per')].filter((x) => x !== undefined).join('; ')
  const openError = [e('actions.pageIfStillOpenAfter'), e('actions.pageIfStillOpenAfter.minutes')].filter((x) => x !== undefined).join('; ')
  return (
    <fieldset className={e('actions') === undefined ? 'fieldset' : 'fieldset fieldset--invalid'}>
      <legend>Then</legend>
      <Reason text={e('actions')} />
      <div className="aq-actions">
        <div className={e('actions.suppress') === undefined ? 'aq-action' : 'aq-action field--invalid'}>
          <label className="checkbox">
            <input type="checkbox" checked={draft.suppress} aria-invalid={e('actions.suppress') !== undefined} onChange={(ev) => onChange({ suppress: ev.target.checked })} />
            <span><strong>Suppress</strong>: keep the alert (visible on the service, with this rule), notify nobody</span>
          </label>
          <Reason text={e('actions.suppress')} />
        </div>
        <div className="aq-action aq-action--inline">
          <label htmlFor="rule-urgency"><strong>Set urgency</strong></label>
          <select id="rule-urgency" value={draft.setUrgency} aria-invalid={e('actions.setUrgency') !== undefined} onChange={(ev) => onChange({ setUrgency: ev.target.value as EventRuleDraft['setUrgency'] })}>
            <option value="">keep the service’s</option>
            <option value="high">high: pages at once</option>
            <option value="low">low: waits for working hours</option>
          </select>
          <Reason text={e('actions.setUrgency')} />
        </div>
        <div className="aq-action aq-action--inline">
          <label htmlFor="rule-route"><strong>Route to</strong></label>
          <select id="rule-route" value={draft.routeTo} aria-invalid={e('actions.routeTo') !== undefined} onChange={(ev) => onChange({ routeTo: ev.target.value })}>
            <option value="">this service</option>
            {routeTargets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <Reason text={e('actions.routeTo')} />
        </div>
        <div className={firesError === '' ? 'aq-action' : 'aq-action field--invalid'}>
          <label className="checkbox">
            <input type="checkbox" checked={draft.pageIfFires} onChange={(ev) => onChange({ pageIfFires: ev.target.checked })} />
            <span><strong>Page only if it fires</strong></span>
          </label>
          <span className="aq-inline-inputs">
            <input type="number" min={2} max={100} className="input--narrow" aria-label="Times it must fire" disabled={!draft.pageIfFires} aria-invalid={e('actions.pageIfFires.times') !== undefined} value={draft.times} onChange={(ev) => onChange({ times: ev.target.value })} />
            <span>times in</span>
            <input type="number" min={1} max={1440} className="input--narrow" aria-label="Within minutes" disabled={!draft.pageIfFires} aria-invalid={e('actions.pageIfFires.withinMinutes') !== undefined} value={draft.withinMinutes} onChange={(ev) => onChange({ withinMinutes: ev.target.value })} />
            <span>minutes, counted per</span>
            <select aria-label="Counted per" disabled={!draft.pageIfFires} value={draft.per} onChange={(ev) => onChange({ per: ev.target.value as EventRuleDraft['per'] })}>
              <option value="dedupKey">dedup key</option>
              <option value="rule">rule</option>
            </select>
          </span>
          <p className="field__hint">Earlier fires open a quiet alert; the Nth pages.</p>
          <Reason text={firesError === '' ? undefined : firesError} />
        </div>
        <div className={openError === '' ? 'aq-action' : 'aq-action field--invalid'}>
          <label className="checkbox">
            <input type="checkbox" checked={draft.pageIfStillOpen} onChange={(ev) => onChange({ pageIfStillOpen: ev.target.checked })} />
            <span><strong>Page only if still open after</strong></span>
          </label>
          <span className="aq-inline-inputs">
            <input type="number" min={1} max={1440} className="input--narrow" aria-label="Minutes still open" disabled={!draft.pageIfStillOpen} aria-invalid={e('actions.pageIfStillOpenAfter.minutes') !== undefined} value={draft.stillOpenMinutes} onChange={(ev) => onChange({ stillOpenMinutes: ev.target.value })} />
            <span>minutes</span>
          </span>
          <p className="field__hint">Stored at once; pages then only if nobody acknowledged it and it did not resolve.</p>
          <Reason text={openError === '' ? undefined : openError} />
        </div>
      </div>
    </fieldset>
  )
}
