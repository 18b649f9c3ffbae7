import type { EscalationPolicy, PolicyTarget } from '../../../types/api'
import type { PolicyInput } from '../api/create-policy'

/** One step as the form edits it: the delay stays text until sent, so a half-typed number is kept. */
export interface StepDraft {
  /** Stable React key across reordering. */
  readonly key: number
  readonly targets: readonly PolicyTarget[]
  readonly delayMinutes: string
}

export interface PolicyDraft {
  readonly teamId: string
  readonly name: string
  readonly description: string
  readonly repeatCount: string
  readonly steps: readonly StepDraft[]
}

let nextKey = 1
/** A new step: nobody yet, 15 minutes before the next. */
export const newStep = (targets: readonly PolicyTarget[] = [], delayMinutes = '15'): StepDraft => ({ key: nextKey++, targets, delayMinutes })

/** The draft for a new policy: one empty step, two more passes when nobody acknowledges (the API's default). */
export function emptyDraft(teamId: string): PolicyDraft {
  return { teamId, name: '', description: '', repeatCount: '2', steps: [newStep()] }
}

/** The draft for editing `policy`. */
export function draftFromPolicy(policy: EscalationPolicy): PolicyDraft {
  return {
    teamId: policy.teamId,
    name: policy.name,
    description: policy.description,
    repeatCount: String(policy.repeatCount),
    steps: policy.steps.map((s) => newStep(s.targets, String(s.delayMinutes))),
  }
}

const isInt = (text: string) => /^\s*-?\d+\s*$/.test(text)
const toInt = (text: string) => (isInt(text) ? Number(text) : Number.NaN)

/**
 * What must be fixed before sending, keyed like the API's fields: missing team or name, and numbers
 * that are not whole. Ranges (0–20 passes, 0–1440 minutes) are the API's to judge.
 */
export function draftErrors(draft: PolicyDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  if (draft.teamId === '') errors['teamId'] = 'Choose the team that owns it'
  if (draft.name.trim() === '') errors['name'] = 'Enter a name'
  if (!isInt(draft.repeatCount)) errors['repeatCount'] = 'Enter a whole number'
  draft.steps.forEach((s, i) => {
    if (!isInt(s.delayMinutes)) errors[`steps[${i}].delayMinutes`] = 'Enter a whole number of minutes'
  })
  return errors
}

/** The API body for a draft; check `draftErrors` first, as text that is not a number becomes NaN. */
export function draftToInput(draft: PolicyDraft): PolicyInput {
  return {
    teamId: draft.teamId,
    name: draft.name.trim(),
    description: draft.description.trim(),
    repeatCount: toInt(draft.repeatCount),
    steps: draft.steps.map((s) => ({ targets: s.targets, delayMinutes: toInt(s.delayMinutes) })),
  }
}

/** Moves step `from` by `by` places (−1 up, +1 down); out of range leaves the list as it is. */
export function moveStep(steps: readonly StepDraft[], from: number, by: number): readonly StepDraft[] {
  const to = from + by
  if (to < 0 || to >= steps.length || from < 0 || from >= steps.length) return steps
  const out = [...steps]
  const [moved] = out.splice(from, 1)
  if (moved !== undefined) out.splice(to, 0, moved)
  return out
}

/**
 * The API's reasons about step `index`, by the part they concern: `targets` (including a reason
 * about any one target, `steps[0].targets[1].id`) and `delayMinutes`.
 */
export function stepErrors(fieldErrors: Readonly<Record<string, string>>, index: number): { readonly targets?: string; readonly delayMinutes?: string } {
  const prefix = `steps[${index}].`
  const targets = Object.entries(fieldErrors).filter(([field]) => field.startsWith(`${prefix}targets`)).map(([, reason]) => reason)
  const delay = fieldErrors[`${prefix}delayMinutes`]
  return { ...(targets.length > 0 ? { targets: targets.join('; ') } : {}), ...(delay === undefined ? {} : { delayMinutes: delay }) }
}
