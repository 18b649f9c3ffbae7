import type { ChangePreview } from '../../../types/api'
import { fieldName } from '../utils/field-names'
import { BlastRadiusTable } from './blast-radius-table'

interface ChangePreviewPanelProps {
  readonly preview: ChangePreview | undefined
  /** The form changed since this preview. */
  readonly stale: boolean
  readonly error: Error | undefined
  /** Editor rows of the written rollback steps, to name them as the form numbers them. */
  readonly rows: readonly number[]
}

/** What the API says about the change as it is being written: what blocks submitting, hints, and the live blast radius. */
export function ChangePreviewPanel({ preview, stale, error, rows }: ChangePreviewPanelProps) {
  return (
    <aside className="card change-preview" aria-labelledby="preview-heading" aria-busy={stale}>
      <div className="section__header">
        <h2 id="preview-heading">Check as you type</h2>
        <span className="muted" role="status">{stale ? 'Checking…' : preview === undefined ? '' : 'Up to date'}</span>
      </div>
      {error !== undefined && <p className="text-danger">Could not check the change: {error.message}</p>}
      {preview !== undefined && (
        <>
          <section aria-labelledby="blockers-heading" className="change-preview__section">
            <h3 id="blockers-heading">Before it can be submitted</h3>
            {preview.errors.length === 0 ? (
              <p className="change-preview__ready">✓ Nothing blocks submitting it.</p>
            ) : (
              <ul className="change-preview__blockers" data-testid="submit-blockers">
                {preview.errors.map((e, i) => (
                  <li key={`${e.field}-${i}`}>
                    <strong>{fieldName(e.field, rows)}:</strong> {e.reason}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {preview.warnings.length > 0 && (
            <section aria-labelledby="hints-heading" className="change-preview__section">
              <h3 id="hints-heading">Worth fixing</h3>
              <ul className="change-preview__hints">
                {preview.warnings.map((w, i) => (
                  <li key={`${w.field}-${i}`}>
                    <strong>{fieldName(w.field, rows)}:</strong> {w.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="blast-heading" className="change-preview__section">
            <h3 id="blast-heading">
              Blast radius{preview.blastRadius.length > 0 && <span className="muted"> · {preview.blastRadius.length === 1 ? '1 service' : `${preview.blastRadius.length} services`}</span>}
            </h3>
            <p className="field__hint">Every service that depends on what you touch, directly or through others, and who would be paged for it now.</p>
            <BlastRadiusTable entries={preview.blastRadius} />
          </section>
        </>
      )}
    </aside>
  )
}
