import type { RollbackStepGrade } from '../../../types/api'
import { RollbackStepGradeNote } from './rollback-step-grade-note'

/** A stored plan's steps in order, each with its grade. */
export function RollbackStepGrades({ steps }: { readonly steps: readonly RollbackStepGrade[] }) {
  if (steps.length === 0) return <p className="text-danger">No rollback steps: this change cannot be approved without a way back.</p>
  return (
    <ol className="rollback-steps">
      {steps.map((g, i) => (
        <li key={i}>
          <span className="rollback-steps__text">{g.step}</span>
          <RollbackStepGradeNote grade={g} />
        </li>
      ))}
    </ol>
  )
}
