import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { channelLabel } from '../../../lib/channels'
import type { ContactMethod, NotificationRule, Urgency } from '../../../types/api'
import type { CreateNotificationRuleInput } from '../api/create-notification-rule'
import { NotificationRuleForm } from './notification-rule-form'

interface NotificationRuleListProps {
  readonly rules: readonly NotificationRule[]
  /** Whether the page is about the signed-in person ("your" working hours, "Notify me by"). */
  readonly isSelf: boolean
  readonly methods: readonly ContactMethod[]
  readonly onAdd: (input: CreateNotificationRuleInput) => Promise<unknown>
  /** Removes a rule; the lists reload afterwards. */
  readonly onRemove: (rule: NotificationRule) => Promise<void>
}

const GROUPS: readonly { readonly urgency: Urgency; readonly title: string; readonly hint: (whose: string) => string }[] = [
  { urgency: 'high', title: 'High urgency', hint: () => 'Something is broken now: these go out day or night.' },
  { urgency: 'low', title: 'Low urgency', hint: (whose) => `Work that can wait: held until ${whose} working hours.` },
]

/** Notification rules by urgency, earliest first, each removable; a line per urgency adds one. */
export function NotificationRuleList({ rules, isSelf, methods, onAdd, onRemove }: NotificationRuleListProps) {
  const [error, setError] = useState<string>()
  const methodOf = (id: string) => methods.find((m) => m.id === id)
  const remove = async (rule: NotificationRule) => {
    setError(undefined)
    try {
      await onRemove(rule)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  return (
    <div className="rule-groups">
      {error !== undefined && <Alert>{error}</Alert>}
      {GROUPS.map((g) => {
        const mine = rules.filter((r) => r.urgency === g.urgency).sort((a, b) => a.delayMinutes - b.delayMinutes)
        return (
          <section key={g.urgency} className="rule-group" aria-labelledby={`rules-${g.urgency}`}>
            <h3 id={`rules-${g.urgency}`}>{g.title}</h3>
            <p className="muted rule-group__hint">{g.hint(isSelf ? 'your' : 'their')}</p>
            {mine.length === 0 ? (
              <p className="empty">No rules: {g.urgency} urgency alerts will not reach {isSelf ? 'you' : 'them'}.</p>
            ) : (
              <ul className="rule-list" aria-label={`${g.title} rules`}>
                {mine.map((r) => {
                  const m = methodOf(r.contactMethodId)
                  return (
                    <li key={r.id} className="rule-list__item">
                      <span>
                        <strong>{r.delayMinutes === 0 ? 'Immediately' : `After ${r.delayMinutes} min`}</strong>: {m === undefined ? 'a removed method' : `${m.label} (${channelLabel(m.type)})`}
                        {m !== undefined && !m.verified && <span className="badge badge--warn">not verified: will not page</span>}
                      </span>
                      <button type="button" className="button button--small button--ghost" onClick={() => void remove(r)}>
                        Remove<span className="visually-hidden"> rule</span>
                      </button>
                    </li>
                  )
                })}
              </ul>
            )}
            <NotificationRuleForm urgency={g.urgency} methods={methods} label={isSelf ? 'Notify me by' : 'Notify by'} onSubmit={onAdd} />
          </section>
        )
      })}
    </div>
  )
}
