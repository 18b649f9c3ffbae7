import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { TimeZoneInput } from '../../../components/time-zone-input'
import { useSubmit } from '../../../hooks/use-submit'
import { formatDuration } from '../../../lib/time'
import type { Service, Team } from '../../../types/api'
import type { HeartbeatInput } from '../api/create-heartbeat'
import { missesText, silenceBeforePage } from '../utils/describe-heartbeat'
import { heartbeatDraftErrors, heartbeatDraftToInput, secondsInWords, type HeartbeatDraft, type IntervalUnit } from '../utils/heartbeat-draft'

interface HeartbeatFormProps {
  readonly initial: HeartbeatDraft
  readonly services: readonly Service[]
  readonly teams: readonly Team[]
  /** A heartbeat stays on its service (and keeps its ping URL). */
  readonly editing: boolean
  readonly submitLabel: string
  readonly onSubmit: (serviceId: string, input: HeartbeatInput) => Promise<unknown>
  readonly onCancel: () => void
}

const SHOWN = ['serviceId', 'name', 'intervalSeconds', 'cron', 'timeZone', 'graceSeconds', 'missesToAlarm', 'failMode']

/** What the job promises (an interval, or cron times in a zone) and how many misses in a row page. */
export function HeartbeatForm({ initial, services, teams, editing, submitLabel, onSubmit, onCancel }: HeartbeatFormProps) {
  const [draft, setDraft] = useState(initial)
  const { pending, fieldErrors, formError, submit } = useSubmit(SHOWN)
  const change = (patch: Partial<HeartbeatDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const local = heartbeatDraftErrors(draft)
    await submit(() => onSubmit(draft.serviceId, heartbeatDraftToInput(draft)), local)
  }
  // The API counts seconds; this form asks for minutes and hours.
  const seconds = (reason: string | undefined) => (reason === undefined ? undefined : secondsInWords(reason))
  const local = heartbeatDraftErrors(draft)
  const input = Object.keys(local).length === 0 ? heartbeatDraftToInput(draft) : null
  const silence = input === null || input.intervalSeconds === null ? null : silenceBeforePage({ ...input, schedule: { kind: 'interval', intervalSeconds: input.intervalSeconds } })

  return (
    <form className="form" onSubmit={onFormSubmit} noValidate>
      {formError !== undefined && <Alert>{formError}</Alert>}
      <div className="form__row">
        <Field label="Service" error={fieldErrors['serviceId']} hint={editing ? 'A heartbeat stays on its service.' : 'Its alert opens on this service.'}>
          {(control) => (
            <select {...control} value={draft.serviceId} disabled={editing} onChange={(e) => change({ serviceId: e.target.value })}>
              <option value="">Choose a service…</option>
              {teams.map((t) => (
                <optgroup key={t.id} label={t.name}>
                  {services.filter((s) => s.teamId === t.id).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={fieldErrors['name']}>
          {(control) => <input {...control} type="text" maxLength={100} placeholder="nightly-backup" value={draft.name} onChange={(e) => change({ name: e.target.value })} />}
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend>Expected</legend>
        <div className="form">
          <div className="segmented" role="radiogroup" aria-label="Schedule kind">
            <label className="checkbox">
              <input type="radio" name="hb-schedule" checked={draft.scheduleKind === 'interval'} onChange={() => change({ scheduleKind: 'interval' })} />
              <span>Every interval</span>
            </label>
            <label className="checkbox">
              <input type="radio" name="hb-schedule" checked={draft.scheduleKind === 'cron'} onChange={() => change({ scheduleKind: 'cron' })} />
              <span>At cron times</span>
            </label>
          </div>
          {draft.scheduleKind === 'interval' ? (
            <div className="form__row">
              <Field label="Every" error={seconds(fieldErrors['intervalSeconds'])} hint="From 1 minute to 365 days, counted from the last ping.">
                {(control) => <input {...control} type="text" inputMode="decimal" value={draft.every} onChange={(e) => change({ every: e.target.value })} />}
              </Field>
              <Field label="Unit">
                {(control) => (
                  <select {...control} value={draft.unit} onChange={(e) => change({ unit: e.target.value as IntervalUnit })}>
                    <option value="minutes">minutes</option>
                    <option value="hours">hours</option>
                    <option value="days">days</option>
                  </select>
                )}
              </Field>
            </div>
          ) : (
            <div className="form__row">
              <Field label="Cron expression" error={fieldErrors['cron']} hint={<>Five fields: minute hour day month weekday, e.g. <code>0 2 * * *</code> for 02:00 daily.</>}>
                {(control) => <input {...control} type="text" className="input--mono" spellCheck={false} value={draft.cron} onChange={(e) => change({ cron: e.target.value })} />}
              </Field>
              <Field label="Time zone" error={fieldErrors['timeZone']} hint="The cron times are wall-clock times in this zone (DST included).">
                {(control) => <TimeZoneInput {...control} value={draft.timeZone} onChange={(e) => change({ timeZone: e.target.value })} />}
              </Field>
            </div>
          )}
        </div>
      </fieldset>
      <div className="form__row">
        <Field label="Grace (minutes)" error={seconds(fieldErrors['graceSeconds'])} hint="How late a ping may be before it counts as missed (at least 1).">
          {(control) => <input {...control} type="text" inputMode="decimal" value={draft.graceMinutes} onChange={(e) => change({ graceMinutes: e.target.value })} />}
        </Field>
        <Field label="Misses in a row that page (N)" error={fieldErrors['missesToAlarm']} hint="One late run is not a disaster: the alert opens only after N missed pings in a row (1 to 100).">
          {(control) => <input {...control} type="number" min={1} max={100} value={draft.missesToAlarm} onChange={(e) => change({ missesToAlarm: e.target.value })} />}
        </Field>
      </div>
      <Field label="When the job reports failure (/fail)" error={fieldErrors['failMode']}>
        {(control) => (
          <select {...control} value={draft.failMode} onChange={(e) => change({ failMode: e.target.value as HeartbeatDraft['failMode'] })}>
            <option value="immediate">Page at once on one /fail</option>
            <option value="after_n">Page after N /fail in a row (jobs that retry)</option>
          </select>
        )}
      </Field>
      {input !== null && (
        <p className="hb-form__summary" role="status">
          {missesText(input.missesToAlarm)}
          {silence !== null ? `: it pages after ${formatDuration(silence)} without a ping.` : ': each expected run that passes its grace without a ping counts as one miss.'}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button--primary" disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
      </div>
    </form>
  )
}
