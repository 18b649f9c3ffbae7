import { Field } from '../../../components/field'
import type { RuleDraft } from '../utils/rule-draft'

interface RuleBehaviourFieldsProps {
  readonly draft: RuleDraft
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (patch: Partial<RuleDraft>) => void
}

/** How the rule treats the page, how long it waits for the alert to clear, and its loop guard. */
export function RuleBehaviourFields({ draft, fieldErrors, onChange }: RuleBehaviourFieldsProps) {
  const loopError = fieldErrors['loopGuard.maxRuns'] ?? fieldErrors['loopGuard.perMinutes']
  return (
    <fieldset className="fieldset">
      <legend>Paging, verification and loop guard</legend>
      <div className="form">
        <div className={fieldErrors['mode'] === undefined ? 'choice-list' : 'choice-list field--invalid'} role="radiogroup" aria-label="Mode">
          <label className="checkbox">
            <input type="radio" name="mode" checked={draft.mode === 'before'} onChange={() => onChange({ mode: 'before' })} />
            <span>Hold the page while mitigating <span className="muted">— nobody is woken if it works</span></span>
          </label>
          <label className="checkbox">
            <input type="radio" name="mode" checked={draft.mode === 'parallel'} onChange={() => onChange({ mode: 'parallel' })} />
            <span>Page as usual and mitigate in parallel</span>
          </label>
          {fieldErrors['mode'] !== undefined && <p className="field__error">{fieldErrors['mode']}</p>}
        </div>
        <div className="form__row">
          <Field label="Verify for (minutes)" error={fieldErrors['verifyMinutes']} hint="How long the alert has to clear after the action (1–120). If it does not, a human is paged.">
            {(control) => <input {...control} type="number" min={1} max={120} className="input--narrow" value={draft.verifyMinutes} onChange={(e) => onChange({ verifyMinutes: e.target.value })} />}
          </Field>
          <div className={loopError === undefined ? 'field' : 'field field--invalid'}>
            <span className="field__label" id="loop-guard-label">Loop guard</span>
            <p className="loop-guard" role="group" aria-labelledby="loop-guard-label">
              at most
              <input type="number" min={1} max={50} aria-label="Most runs" aria-invalid={fieldErrors['loopGuard.maxRuns'] !== undefined} value={draft.maxRuns} onChange={(e) => onChange({ maxRuns: e.target.value })} />
              runs per
              <input type="number" min={1} max={10080} aria-label="Per minutes" aria-invalid={fieldErrors['loopGuard.perMinutes'] !== undefined} value={draft.perMinutes} onChange={(e) => onChange({ perMinutes: e.target.value })} />
              minutes
            </p>
            {fieldErrors['loopGuard.maxRuns'] !== undefined && <p className="field__error">Most runs {fieldErrors['loopGuard.maxRuns']}</p>}
            {fieldErrors['loopGuard.perMinutes'] !== undefined && <p className="field__error">Per minutes {fieldErrors['loopGuard.perMinutes']}</p>}
            <p className="field__hint">For one alert. More runs than this means the fix is not holding: Tend stops and pages a human.</p>
          </div>
        </div>
      </div>
    </fieldset>
  )
}
