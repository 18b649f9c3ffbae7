import type { RollbackStepGrade } from '../../../types/api'

/** One graded step: ✓ concrete, ~ vague (a hint), ✗ rejected, with the API's explanation. */
export function RollbackStepGradeNote({ grade, id }: { readonly grade: RollbackStepGrade; readonly id?: string }) {
  const verdict = grade.rejected !== null ? 'rejected' : grade.concrete ? 'concrete' : 'vague'
  const label = verdict === 'rejected' ? `✗ Rejected, ${grade.rejected?.replace('-', ' ') ?? ''}` : verdict === 'concrete' ? '✓ Concrete' : '~ Vague'
  return (
    <p className={`step-grade step-grade--${verdict}`} id={id} data-testid="step-grade">
      <strong>{label}:</strong> {grade.why}
    </p>
  )
}
