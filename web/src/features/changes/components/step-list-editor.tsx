import { useId, type ReactNode } from 'react'

interface StepListEditorProps {
  /** Accessible name of each input: `Rollback step 2`. */
  readonly itemLabel: string
  readonly items: readonly string[]
  readonly onChange: (items: readonly string[]) => void
  readonly placeholder?: string
  readonly addLabel: string
  /** What to show under a row (the API's grade of that step, say); give it `noteId` so the input is described by it. */
  readonly below?: (row: number, noteId: string) => ReactNode
  /** Whether a row is wrong (its reason is in `below`). */
  readonly invalid?: (row: number) => boolean
}

const move = (items: readonly string[], from: number, to: number) => {
  const next = [...items]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

/** An ordered list of one-line steps: type, reorder, remove, add. */
export function StepListEditor({ itemLabel, items, onChange, placeholder, addLabel, below, invalid }: StepListEditorProps) {
  const id = useId()
  const set = (row: number, value: string) => onChange(items.map((s, i) => (i === row ? value : s)))
  return (
    <div className="step-editor">
      <ol className="step-editor__list">
        {items.map((item, row) => {
          const bad = invalid?.(row) === true
          const noteId = `${id}-${row}-note`
          const note = below?.(row, noteId)
          return (
            <li key={row} className={bad ? 'step-editor__item step-editor__item--invalid' : 'step-editor__item'}>
              <div className="step-editor__row">
                <span className="step-editor__number" aria-hidden="true">{row + 1}.</span>
                <input
                  type="text"
                  aria-label={`${itemLabel} ${row + 1}`}
                  aria-invalid={bad}
                  aria-describedby={note === undefined || note === null ? undefined : noteId}
                  placeholder={placeholder}
                  value={item}
                  maxLength={2000}
                  onChange={(e) => set(row, e.target.value)}
                />
                <button type="button" className="button button--ghost button--small" aria-label={`Move ${itemLabel.toLowerCase()} ${row + 1} up`} disabled={row === 0} onClick={() => onChange(move(items, row, row - 1))}>↑</button>
                <button type="button" className="button button--ghost button--small" aria-label={`Move ${itemLabel.toLowerCase()} ${row + 1} down`} disabled={row === items.length - 1} onClick={() => onChange(move(items, row, row + 1))}>↓</button>
                <button type="button" className="button button--ghost button--small" aria-label={`Remove ${itemLabel.toLowerCase()} ${row + 1}`} onClick={() => onChange(items.length === 1 ? [''] : items.filter((_, i) => i !== row))}>×</button>
              </div>
              {note}
            </li>
          )
        })}
      </ol>
      <button type="button" className="button button--small" onClick={() => onChange([...items, ''])}>+ {addLabel}</button>
    </div>
  )
}
