import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { formatDay, parseInstant } from '../../../lib/time'
import type { ThresholdAlarmSpec, ThresholdSuggestion } from '../../../types/api'
import { perWeek, suggestionPatch } from '../utils/apply-suggestion'
import { formatValue } from '../utils/describe-alarm'

interface ThresholdSuggestionCardProps {
  readonly suggestion: ThresholdSuggestion
  readonly spec: ThresholdAlarmSpec
  readonly zone: string
  /** Sends the PATCH; resolves once the API accepted it. */
  readonly onApply: (patch: { threshold: number; recoveryThreshold?: number }) => Promise<void>
}

/** A realistic threshold learnt from the metric's history and the incidents marked actionable, with a button to apply it. */
export function ThresholdSuggestionCard({ suggestion: s, spec, zone, onApply }: ThresholdSuggestionCardProps) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string>()
  const total = s.catchesActionable + s.missesActionable
  const same = s.suggested === s.currentThreshold
  const patch = suggestionPatch(spec, s.suggested)
  const apply = async () => {
    setPending(true)
    setError(undefined)
    try {
      await onApply(patch)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setPending(false)
    }
  }
  const range = `${formatDay(parseInstant(s.from), zone)} – ${formatDay(parseInstant(s.to), zone)}`
  return (
    <section className="card aq-suggestion" id="suggestion" aria-labelledby="suggestion-heading">
      <div className="section__header">
        <h2 id="suggestion-heading">Realistic threshold</h2>
        <span className="muted">learnt from {s.periods} periods, {range}</span>
      </div>
      {s.periods === 0 ? (
        <p className="muted">No metric history to learn from yet: the suggestion appears once datapoints have been pushed.</p>
      ) : same ? (
        <p data-testid="suggestion-text">
          The current threshold ({spec.comparison} {formatValue(s.currentThreshold)}) is already realistic: it fires {perWeek(s.firesPerWeekAtCurrent)}
          {total > 0 ? ` and catches ${s.catchesActionable} of ${total} actionable incidents` : ''}.
        </p>
      ) : (
        <p className="aq-suggestion__text" data-testid="suggestion-text">
          Fires <strong>{perWeek(s.firesPerWeekAtCurrent)}</strong> at the current threshold ({spec.comparison} {formatValue(s.currentThreshold)});{' '}
          <strong>{spec.comparison} {formatValue(s.suggested)}</strong> would fire <strong>{perWeek(s.firesPerWeekAtSuggested)}</strong>
          {s.missesActionable > 0
            ? <> but <span className="text-danger">miss {s.missesActionable} of {total} actionable incidents</span>.</>
            : total > 0
              ? <> and still catch every actionable incident ({s.catchesActionable} of {total}).</>
              : <>. No alert of this alarm has been marked actionable yet, so nothing it must still catch is known: mark resolved alerts actionable or noise.</>}
        </p>
      )}
      <p className="muted aq-suggestion__because">{s.because}</p>
      {error !== undefined && <Alert>{error}</Alert>}
      {!same && s.periods > 0 && (
        <div className="button-group">
          <button type="button" className="button button--primary" disabled={pending} onClick={() => void apply()}>
            {pending ? 'Applying…' : `Apply threshold ${formatValue(s.suggested)}`}
          </button>
          {patch.recoveryThreshold !== undefined && <span className="muted">The recovery threshold moves to {formatValue(patch.recoveryThreshold)} to keep its gap.</span>}
        </div>
      )}
    </section>
  )
}
