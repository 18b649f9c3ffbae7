// Output this short reads fine inline; anything longer folds away behind its first line.
const INLINE_MAX = 80

/** A run's output in monospace: one short line inline, more folded away unless `open`; long output scrolls inside its box. */
export function RunOutput({ text, open = false }: { readonly text: string | null; readonly open?: boolean }) {
  if (text === null || text.trim() === '') return <span className="muted">no output</span>
  const lines = text.trimEnd().split('\n')
  const first = lines[0] ?? ''
  if (lines.length === 1 && first.length <= INLINE_MAX) return <code className="run-output run-output--inline">{first}</code>
  return (
    <details className="run-output" open={open}>
      <summary>
        <code className="run-output__first">{first.length > 60 ? `${first.slice(0, 60)}…` : first}</code>
        {lines.length > 1 && <span className="muted"> +{lines.length - 1} {lines.length === 2 ? 'line' : 'lines'}</span>}
      </summary>
      <pre className="run-output__text">{text.trimEnd()}</pre>
    </details>
  )
}
