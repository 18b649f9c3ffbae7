import type { FieldNote } from '../../../types/api'

const NAMES: Readonly<Record<string, string>> = {
  title: 'Title',
  type: 'Type',
  serviceIds: 'Services touched',
  description: 'Description',
  worstCase: 'Worst case',
  rollbackPlan: 'Rollback plan',
  'rollbackPlan.steps': 'Rollback plan',
  'rollbackPlan.estimatedMinutes': 'Rollback time',
  'rollbackPlan.tested': 'Rollback rehearsed',
  'rollbackPlan.testedHow': 'How it was rehearsed',
  verificationSteps: 'Verification',
  risk: 'Risk',
  plannedAt: 'Planned for',
}

/**
 * The form's name for an API field: `rollbackPlan.steps[1]` → "Rollback step 3" when the editor's
 * third row holds the second written step (`rows` maps written steps to editor rows).
 */
export function fieldName(field: string, rows: readonly number[] = []): string {
  const step = /^rollbackPlan\.steps\[(\d+)\]$/.exec(field)
  if (step !== null) return `Rollback step ${(rows[Number(step[1])] ?? Number(step[1])) + 1}`
  const verify = /^verificationSteps\[(\d+)\]$/.exec(field)
  if (verify !== null) return `Verification step ${Number(verify[1]) + 1}`
  return NAMES[field] ?? field
}

/** The first reason per field. */
export function reasonsByField(notes: readonly FieldNote[]): Readonly<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const n of notes) out[n.field] ??= n.reason
  return out
}
