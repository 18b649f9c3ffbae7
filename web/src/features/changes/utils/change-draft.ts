import { localToInstant, toLocalInput, toRfc3339, parseInstant } from '../../../lib/time'
import type { ChangeSummary, ChangeType } from '../../../types/api'
import type { ChangeInput } from '../api/create-change'

/** What the change form edits: text as typed, the planned time as a datetime-local value in `zone`. */
export interface ChangeDraft {
  readonly title: string
  readonly type: ChangeType
  readonly serviceIds: readonly string[]
  readonly description: string
  readonly worstCase: string
  readonly steps: readonly string[]
  readonly estimatedMinutes: string
  readonly tested: boolean
  readonly testedHow: string
  readonly verificationSteps: readonly string[]
  /** '' = not given. */
  readonly risk: string
  /** `YYYY-MM-DDTHH:MM` in the viewer's zone, or ''. */
  readonly plannedAt: string
}

/** An empty draft: one empty rollback step to start writing in. */
export const EMPTY_DRAFT: ChangeDraft = {
  title: '',
  type: 'normal',
  serviceIds: [],
  description: '',
  worstCase: '',
  steps: [''],
  estimatedMinutes: '',
  tested: false,
  testedHow: '',
  verificationSteps: [''],
  risk: '',
  plannedAt: '',
}

/** The form's draft of a stored change, its planned time shown in `zone`. */
export function draftOf(c: ChangeSummary, zone: string): ChangeDraft {
  return {
    title: c.title,
    type: c.type,
    serviceIds: c.serviceIds,
    description: c.description,
    worstCase: c.worstCase,
    steps: c.rollbackPlan.steps.length === 0 ? [''] : c.rollbackPlan.steps,
    estimatedMinutes: c.rollbackPlan.estimatedMinutes === 0 ? '' : String(c.rollbackPlan.estimatedMinutes),
    tested: c.rollbackPlan.tested,
    testedHow: c.rollbackPlan.testedHow,
    verificationSteps: c.verificationSteps.length === 0 ? [''] : c.verificationSteps,
    risk: c.risk ?? '',
    plannedAt: c.plannedAt === null ? '' : toLocalInput(parseInstant(c.plannedAt), zone),
  }
}

const nonEmpty = (list: readonly string[]) => list.map((s) => s.trim()).filter((s) => s !== '')

/**
 * The body the API takes. Empty list rows are dropped (they are room to type, not steps); a
 * minutes value that is not a whole number is sent as -1 so the API names the field.
 * @example draftToInput({ ...EMPTY_DRAFT, title: 'Add index', estimatedMinutes: '5' }, 'UTC').rollbackPlan.estimatedMinutes // 5
 */
export function draftToInput(d: ChangeDraft, zone: string): ChangeInput {
  const minutesText = d.estimatedMinutes.trim()
  const minutes = minutesText === '' ? 0 : /^\d+$/.test(minutesText) ? Number(minutesText) : -1
  const planned = d.plannedAt === '' ? null : localToInstant(d.plannedAt, zone)
  return {
    title: d.title,
    type: d.type,
    serviceIds: d.serviceIds,
    description: d.description,
    worstCase: d.worstCase,
    rollbackPlan: { steps: nonEmpty(d.steps), estimatedMinutes: minutes, tested: d.tested, testedHow: d.tested ? d.testedHow : '' },
    verificationSteps: nonEmpty(d.verificationSteps),
    risk: d.risk === '' ? null : d.risk,
    plannedAt: planned === null ? null : toRfc3339(planned, zone),
  }
}

/**
 * Maps each written (non-empty) rollback step to its row in the editor, so the API's
 * `rollbackPlan.steps[i]` reasons land beside the right input.
 * @example stepRows(['a', '', 'b']) // [0, 2]
 */
export function stepRows(steps: readonly string[]): readonly number[] {
  return steps.flatMap((s, row) => (s.trim() === '' ? [] : [row]))
}
