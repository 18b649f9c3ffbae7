import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'
import { browserTimeZone, formatDateTime, localToInstant, toLocalInput, toRfc3339, zoneAbbreviation, type Instant } from '../../../lib/time'
import type { CreateOverrideInput } from '../api/create-override'
import type { Person } from '../types'

interface OverrideFormProps {
  /** The schedule's zone: start and end are read as wall-clock times there. */
  readonly zone: string
  /** The schedule team's members, offered first. */
  readonly members: readonly Person[]
  /** Everyone else who could take the pager. */
  readonly others: readonly Person[]
  /** Where the start defaults to (the next full hour after now). */
  readonly now: Instant
  readonly onSubmit: (input: CreateOverrideInput) => Promise<unknown>
  readonly onCancel: () => void
}

const HOUR = 3_600_000

/** Puts someone on call for a range entered on the schedule's wall clock; shows the API's field errors beside each field. */
export function OverrideForm({ zone, members, others, now, onSubmit, onCancel }: OverrideFormProps) {
  const defaultStart = Math.ceil(now / HOUR) * HOUR
  const [userId, setUserId] = useState('')
  const [replacesUserId, setReplacesUserId] = useState('')
  const [start, setStart] = useState(() => toLocalInput(defaultStart, zone))
  const [end, setEnd] = useState(() => toLocalInput(defaultStart + 4 * HOUR, zone))
  const [reason, setReason] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['userId', 'replacesUserId', 'start', 'end', 'reason'])
  const browserZone = browserTimeZone()

  const inBrowserZone = (local: string) => {
    const instant = localToInstant(local, zone)
    if (instant === null || browserZone === zone) return undefined
    return `That is ${formatDateTime(instant, browserZone)} ${zoneAbbreviation(instant, browserZone)} where you are.`
  }

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const startAt = localToInstant(start, zone)
    const endAt = localToInstant(end, zone)
    const local: Record<string, string> = {}
    if (userId === '') local['userId'] = 'Choose who takes the pager'
    if (startAt === null) local['start'] = 'Enter a date and time'
    if (endAt === null) local['end'] = 'Enter a date and time'
    // The order of start and end is left to the API, the one place that rule lives.
    await submit(async () => {
      await onSubmit({
        userId,
        ...(replacesUserId === '' ? {} : { replacesUserId }),
        start: toRfc3339(startAt ?? 0, zone),
        end: toRfc3339(endAt ?? 0, zone),
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
      })
    }, local)
  }

  const options = (people: readonly Person[]) => people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <Field label="Who" error={fieldErrors['userId']} hint="The person who takes the pager.">
        {(control) => (
          <select {...control} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Choose a person…</option>
            <optgroup label="Team members">{options(members)}</optgroup>
            {others.length > 0 && <optgroup label="Everyone else">{options(others)}</optgroup>}
          </select>
        )}
      </Field>
      <Field label="Replaces (optional)" error={fieldErrors['replacesUserId']} hint="Pick someone to swap only their shifts in this range; leave empty to cover the whole range.">
        {(control) => (
          <select {...control} value={replacesUserId} onChange={(e) => setReplacesUserId(e.target.value)}>
            <option value="">Whoever is on call (whole range)</option>
            {options(members)}
            {options(others)}
          </select>
        )}
      </Field>
      <div className="form__row">
        <Field label={`Start (${zone} time)`} error={fieldErrors['start']} hint={inBrowserZone(start)}>
          {(control) => <input {...control} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field label={`End (${zone} time)`} error={fieldErrors['end']} hint={inBrowserZone(end)}>
          {(control) => <input {...control} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
      </div>
      <Field label="Reason (optional)" error={fieldErrors['reason']}>
        {(control) => <input {...control} type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Creating…' : 'Create override'}</button>
      </div>
    </form>
  )
}
