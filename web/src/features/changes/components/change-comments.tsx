import { useState, type FormEvent } from 'react'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import { formatDateTime, parseInstant, zoneAbbreviation } from '../../../lib/time'
import type { ChangeComment } from '../../../types/api'
import { addChangeComment } from '../api/add-change-comment'

/** The discussion on a change, oldest first, and a box to add to it. */
export function ChangeComments({ changeKey, comments, zone, onAdded }: { readonly changeKey: string; readonly comments: readonly ChangeComment[]; readonly zone: string; readonly onAdded: () => void }) {
  const [body, setBody] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['body'])
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const ok = await submit(() => addChangeComment(changeKey, body.trim()), body.trim() === '' ? { body: 'write something first' } : {})
    if (ok) {
      setBody('')
      onAdded()
    }
  }
  return (
    <>
      {comments.length === 0 ? (
        <p className="empty">No comments yet.</p>
      ) : (
        <ol className="change-comments">
          {comments.map((c) => {
            const at = parseInstant(c.at)
            return (
              <li key={c.id}>
                <p className="change-comments__meta"><strong>{c.userName}</strong> <span className="muted">· {formatDateTime(at, zone)} {zoneAbbreviation(at, zone)}</span></p>
                <p className="change-comments__body">{c.body}</p>
              </li>
            )
          })}
        </ol>
      )}
      <form className="form change-comments__form" onSubmit={onSubmit} noValidate>
        <Field label="Add a comment" error={fieldErrors['body'] ?? formError}>
          {(control) => <textarea {...control} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={pending}>{pending ? 'Sending…' : 'Comment'}</button>
        </div>
      </form>
    </>
  )
}
