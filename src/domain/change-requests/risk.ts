/**
 * A computed risk hint to set beside the author's own estimate. Points per factor, from the
 * change-safety research (blast radius, rollback rehearsal and speed, data changes, timing):
 *   emergency +2 · blast radius ≥ 10 services +2, ≥ 4 +1 · rollback not rehearsed +1 ·
 *   rollback > 60 min +2, > 15 min +1, not estimated +1 · touches the database +2 ·
 *   planned outside the deploy window +2.   Level: ≥ 5 high, ≥ 2 medium, else low.
 * The weights are a starting point to tune against measured change-failure rates, not a finding.
 */
import type { ChangeType, Risk } from './model.js'

export interface RiskFactors {
  readonly type: ChangeType
  /** Services in the blast radius, touched ones included (blastRadius(...).length). */
  readonly blastRadiusSize: number
  readonly rollbackTested: boolean
  /** 0 = not estimated. */
  readonly estimatedRollbackMinutes: number
  /** Usually mentionsDatabase(description + rollback steps). */
  readonly touchesDatabase: boolean
  /** The planned time is denied by the deploy gate's time rules. */
  readonly plannedOutsideWindow: boolean
}

export interface RiskHint {
  readonly level: Risk
  readonly because: readonly string[]
}

const HIGH_AT = 5
const MEDIUM_AT = 2

function rollbackTimePoints(minutes: number): [number, string] | null {
  if (minutes === 0) return [1, 'the rollback time is not estimated']
  if (minutes > 60) return [2, `the rollback takes ${minutes} min`]
  if (minutes > 15) return [1, `the rollback takes ${minutes} min`]
  return null
}

function factorPoints(f: RiskFactors): [number, string][] {
  const out: ([number, string] | null)[] = [
    f.type === 'emergency' ? [2, 'emergency changes skip review and rehearsal'] : null,
    f.blastRadiusSize >= 10 ? [2, `${f.blastRadiusSize} services are in the blast radius`] : f.blastRadiusSize >= 4 ? [1, `${f.blastRadiusSize} services are in the blast radius`] : null,
    f.rollbackTested ? null : [1, 'the rollback has not been rehearsed'],
    rollbackTimePoints(f.estimatedRollbackMinutes),
    f.touchesDatabase ? [2, 'it touches the database: data changes may not be undone by a redeploy'] : null,
    f.plannedOutsideWindow ? [2, 'it is planned outside the deploy window'] : null,
  ]
  return out.filter((x): x is [number, string] => x !== null)
}

/**
 * Suggests a risk level with the reasons behind it.
 * @example riskHint({ type: 'normal', blastRadiusSize: 1, rollbackTested: true, estimatedRollbackMinutes: 5, touchesDatabase: false, plannedOutsideWindow: false }) // low
 */
export function riskHint(factors: RiskFactors): RiskHint {
  const found = factorPoints(factors)
  const points = found.reduce((sum, [p]) => sum + p, 0)
  const level: Risk = points >= HIGH_AT ? 'high' : points >= MEDIUM_AT ? 'medium' : 'low'
  return { level, because: found.length === 0 ? ['small blast radius and a rehearsed, quick rollback'] : found.map(([, why]) => why) }
}

const DATABASE_WORDS = /\b(?:migrat\w*|schema|database|db|sql|tables?|columns?|indexe?s?|alter|drop|truncate|backfill|postgres\w*|mysql|sqlite|mongo\w*|redis)\b/i

/** Whether text (description, rollback steps) suggests a database change: a heuristic for riskHint. */
export function mentionsDatabase(text: string): boolean {
  return DATABASE_WORDS.test(text)
}
