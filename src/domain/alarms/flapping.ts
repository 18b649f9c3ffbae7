/**
 * Flap detection, as Nagios Core does it (base/flapping.c, check_for_service_flapping; the
 * user guide's "Detection and Handling of State Flapping", also in Naemon's docs):
 *
 * - Keep the last 21 states: 20 possible changes between them.
 * - Weight each change linearly by recency, from 0.75 for the oldest of the 20 slots to 1.25 for
 *   the newest (`low_curve_value` / `high_curve_value` in flapping.c; the weight of slot x is
 *   0.75 + (x − 1) × 0.5 / 19). Recent changes count more.
 * - Percent state change = Σ weights × 100 / 20.
 * - Flapping starts when the percentage is ≥ the high threshold and stops when it is ≤ the low
 *   threshold; in between the flapping state does not change (hysteresis).
 * - A shorter history is padded with its oldest state, as Nagios fills the whole history with
 *   the current state when flap detection is enabled, so a new alarm does not start flapping.
 *
 * What Tend does with a flapping alarm (demote it to a ticket rather than page) is the caller's
 * business; this only measures.
 */
import { FieldErrors } from '../../lib/errors.js'

/** Low and high thresholds in percent state change. */
export interface FlapThresholds {
  readonly low: number
  readonly high: number
}

/** Our defaults: flapping past half the possible weighted change, settled below a quarter. */
export const DEFAULT_FLAP_THRESHOLDS: FlapThresholds = Object.freeze({ low: 25, high: 50 })

/** The history length Nagios keeps (MAX_STATE_HISTORY_ENTRIES). */
export const FLAP_HISTORY_LENGTH = 21
const LOW_WEIGHT = 0.75
const HIGH_WEIGHT = 1.25
const CHANGES = FLAP_HISTORY_LENGTH - 1

/** The weight of the change into slot x (1 = oldest change, 20 = newest). */
const weightOf = (x: number): number => LOW_WEIGHT + ((x - 1) * (HIGH_WEIGHT - LOW_WEIGHT)) / (CHANGES - 1)

function paddedHistory(history: readonly boolean[]): readonly boolean[] {
  const recent = history.slice(-FLAP_HISTORY_LENGTH)
  const oldest = recent[0] ?? false
  return [...Array<boolean>(FLAP_HISTORY_LENGTH - recent.length).fill(oldest), ...recent]
}

/**
 * Returns the weighted percent state change (0–100) of up to the last 21 states, oldest first
 * (true = problem).
 * @example percentStateChange([false, true, false, true]) // changes in the newest slots weigh most
 */
export function percentStateChange(history: readonly boolean[]): number {
  const states = paddedHistory(history)
  let weighted = 0
  for (let x = 1; x < states.length; x++) {
    if (states[x] !== states[x - 1]) weighted += weightOf(x)
  }
  return (weighted * 100) / CHANGES
}

/**
 * Returns whether the alarm is flapping after its latest state, given whether it was before.
 * @example flapState(last21, wasFlapping, DEFAULT_FLAP_THRESHOLDS).flapping
 */
export function flapState(
  history: readonly boolean[],
  wasFlapping: boolean,
  thresholds: FlapThresholds = DEFAULT_FLAP_THRESHOLDS,
): { flapping: boolean; percentChange: number } {
  const percentChange = percentStateChange(history)
  if (percentChange >= thresholds.high) return { flapping: true, percentChange }
  if (percentChange <= thresholds.low) return { flapping: false, percentChange }
  return { flapping: wasFlapping, percentChange }
}

/** Returns validated thresholds (0 ≤ low < high ≤ 100), defaults filled in, or throws E_VALIDATION. */
export function normalizeFlapThresholds(input: { readonly low?: number | undefined; readonly high?: number | undefined }): FlapThresholds {
  const errors = new FieldErrors()
  const low = input.low ?? DEFAULT_FLAP_THRESHOLDS.low
  const high = input.high ?? DEFAULT_FLAP_THRESHOLDS.high
  if (!(low >= 0 && low <= 100)) errors.add('low', 'must be a percentage from 0 to 100')
  if (!(high >= 0 && high <= 100)) errors.add('high', 'must be a percentage from 0 to 100')
  else if (!(low < high)) errors.add('high', 'must be above low, or flapping could never stop')
  errors.throwIfAny()
  return { low, high }
}
