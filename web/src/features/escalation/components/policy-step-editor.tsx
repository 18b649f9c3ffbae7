import { useId } from 'react'
import type { PolicyTarget, Schedule, User } from '../../../types/api'
import { stepErrors, type StepDraft } from '../utils/policy-draft'

interface PolicyStepEditorProps {
  /** Zero-based position; shown as "Step 1". */
  readonly index: number
  readonly count: number
  readonly step: StepDraft
  readonly users: readonly User[]
  readonly schedules: readonly Schedule[]
  readonly fieldErrors: Readonly<Record<string, string>>
  readonly onChange: (step: StepDraft) => void
  /** −1 moves the step up, +1 down. */
  readonly onMove: (by: number) => void
  readonly onRemove: () => void
}

/** One escalation step: who it pages (people and schedules) and how long to wait before the next step. */
export function PolicyStepEditor({ index, count, step, users, schedules, fieldErrors, onChange, onMove, onRemove }: PolicyStepEditorProps) {
  const id = useId()
  const errors = stepErrors(fieldErrors, index)
  const n = index + 1
  const has = (t: PolicyTarget) => step.targets.some((x) => x.type === t.type && x.id === t.id)
  const add = (t: PolicyTarget) => {
    if (!has(t)) onChange({ ...step, targets: [...step.targets, t] })
  }
  const remove = (t: PolicyTarget) => onChange({ ...step, targets: step.targets.filter((x) => !(x.type === t.type && x.id === t.id)) })
  const nameOf = (t: PolicyTarget) =>
    t.type === 'user' ? (users.find((u) => u.id === t.id)?.name ?? 'Unknown person') : (schedules.find((s) => s.id === t.id)?.name ?? 'Unknown schedule')
  const last = index === count - 1

  return (
    <li className="policy-step" aria-labelledby={`${id}-title`}>
      <div className="policy-step__header">
        <h3 id={`${id}-title`}>Step {n}</h3>
        <div className="button-group">
          <button type="button" className="button button--small button--ghost" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move step ${n} up`}>↑</button>
          <button type="button" className="button button--small button--ghost" disabled={last} onClick={() => onMove(1)} aria-label={`Move step ${n} down`}>↓</button>
          <button type="button" className="button button--small button--danger" disabled={count === 1} onClick={onRemove}>
            Remove<span className="visually-hidden"> step {n}</span>
          </button>
        </div>
      </div>
      <div className={errors.targets === undefined ? 'policy-step__targets' : 'policy-step__targets field--invalid'}>
        {step.targets.length === 0 ? (
          <p className="muted">Nobody yet: add people or schedules.</p>
        ) : (
          <ul className="chip-list" aria-label={`Step ${n} pages`}>
            {step.targets.map((t) => (
              <li key={`${t.type}:${t.id}`} className={`chip chip--${t.type}`}>
                <span className="chip__type">{t.type === 'user' ? 'person' : 'schedule'}</span> {nameOf(t)}
                <button type="button" className="chip__remove" onClick={() => remove(t)} aria-label={`Remove ${nameOf(t)} from step ${n}`}>×</button>
              </li>
            ))}
          </ul>
        )}
        <div className="policy-step__pickers">
          <label className="visually-hidden" htmlFor={`${id}-user`}>Add a person to step {n}</label>
          <select id={`${id}-user`} value="" onChange={(e) => e.target.value !== '' && add({ type: 'user', id: e.target.value })}>
            <option value="">+ Add a person…</option>
            {users.filter((u) => !has({ type: 'user', id: u.id })).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          <label className="visually-hidden" htmlFor={`${id}-schedule`}>Add a schedule to step {n}</label>
          <select id={`${id}-schedule`} value="" onChange={(e) => e.target.value !== '' && add({ type: 'schedule', id: e.target.value })}>
            <option value="">+ Add a schedule (whoever is on call)…</option>
            {schedules.filter((s) => !has({ type: 'schedule', id: s.id })).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        {errors.targets !== undefined && <p className="field__error" id={`${id}-targets-error`}>{errors.targets}</p>}
      </div>
      <div className={errors.delayMinutes === undefined ? 'policy-step__delay' : 'policy-step__delay field--invalid'}>
        <label htmlFor={`${id}-delay`}>{last ? 'Minutes before starting again from step 1' : `Minutes before step ${n + 1}`}</label>
        <input
          id={`${id}-delay`}
          type="number"
          min={0}
          max={1440}
          step={1}
          className="input--narrow"
          value={step.delayMinutes}
          aria-invalid={errors.delayMinutes !== undefined}
          aria-describedby={errors.delayMinutes === undefined ? undefined : `${id}-delay-error`}
          onChange={(e) => onChange({ ...step, delayMinutes: e.target.value })}
        />
        {errors.delayMinutes !== undefined && <p className="field__error" id={`${id}-delay-error`}>{errors.delayMinutes}</p>}
      </div>
    </li>
  )
}
