import { useState } from 'react'
import { Alert } from '../../components/alert'
import { Link } from '../../components/link'
import { LoadState } from '../../components/load-state'
import { useAuth } from '../../features/auth/hooks/use-auth'
import { getContactMethods } from '../../features/contact-methods/api/get-contact-methods'
import { ContactMethodCreateDialog } from '../../features/contact-methods/components/contact-method-create-dialog'
import { ContactMethodList } from '../../features/contact-methods/components/contact-method-list'
import { createNotificationRule } from '../../features/notification-rules/api/create-notification-rule'
import { deleteNotificationRule } from '../../features/notification-rules/api/delete-notification-rule'
import { getNotificationRules } from '../../features/notification-rules/api/get-notification-rules'
import { NotificationRuleList } from '../../features/notification-rules/components/notification-rule-list'
import { getUser } from '../../features/users/api/get-user'
import { formatWorkingHours } from '../../features/users/utils/working-hours'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'
import type { ContactMethod } from '../../types/api'

/**
 * How Tend reaches a person: their contact methods (add, verify with a code, test, interrupting or
 * not, remove) and notification rules by urgency. `/me/notifications` is the signed-in person's;
 * administrators reach anyone's from the readiness warnings.
 */
export function PersonNotificationsRoute({ userId }: { readonly userId?: string }) {
  const auth = useAuth()
  const id = userId ?? auth.user.id
  const isSelf = id === auth.user.id
  const person = useAsync((signal) => (isSelf ? Promise.resolve(auth.user) : getUser(id, signal)), [id, isSelf])
  const data = useAsync((signal) => Promise.all([getContactMethods(id, signal), getNotificationRules(id, signal)]), [id])
  const [secret, setSecret] = useState<{ readonly label: string; readonly value: string }>()
  const name = person.data?.name ?? ''
  useDocumentTitle(isSelf ? 'My notifications' : `${name || 'Person'}: notifications`)

  const onCreated = (m: ContactMethod) => {
    setSecret(m.signingSecret === undefined ? undefined : { label: m.label, value: m.signingSecret })
    data.reload()
  }
  const methods = data.data?.[0] ?? []
  const canWake = methods.some((m) => m.verified && m.interrupting)
  const hours = person.data?.workingHours
  const zone = person.data?.timeZone

  return (
    <>
      <div className="page__header">
        {!isSelf && <p className="breadcrumb"><Link to="/people">People</Link> /</p>}
        <h1>{isSelf ? 'My notifications' : `${name}’s notifications`}</h1>
        <p className="muted">
          Only verified contact methods page {isSelf ? 'you' : 'them'}. Low-urgency alerts never interrupt outside working hours
          {hours !== undefined && zone !== undefined ? ` (${formatWorkingHours(hours)}, ${zone})` : ''}: they wait for the next one.
        </p>
      </div>
      <LoadState loading={(data.loading && data.data === undefined) || (person.loading && person.data === undefined)} error={data.error ?? person.error} retry={data.reload} />
      {data.data !== undefined && !canWake && (
        <Alert tone="warning">
          <p>
            <strong>Nothing can wake {isSelf ? 'you' : name} yet.</strong> Add an SMS, voice or push method, keep it interrupting, and verify it with the code it receives.
          </p>
        </Alert>
      )}
      {secret !== undefined && (
        <Alert tone="info">
          <p>
            Signing secret for {secret.label}, shown only now: <code>{secret.value}</code>
          </p>
          <p className="alert__detail">Tend signs each webhook request with it; store it where your receiver checks signatures.</p>
        </Alert>
      )}
      {data.data !== undefined && (
        <>
          <section className="card" aria-labelledby="methods-heading">
            <div className="section__header">
              <h2 id="methods-heading">Contact methods</h2>
              <ContactMethodCreateDialog userId={id} onCreated={onCreated} />
            </div>
            <ContactMethodList methods={data.data[0]} isSelf={isSelf} onChanged={data.reload} />
          </section>
          <section className="card" aria-labelledby="rules-heading">
            <div className="section__header">
              <h2 id="rules-heading">Notification rules</h2>
            </div>
            <p className="muted rule-intro">When an alert reaches {isSelf ? 'you' : 'them'}, each rule sends a notification on its method that many minutes later, until the alert is acknowledged.</p>
            <NotificationRuleList
              rules={data.data[1]}
              isSelf={isSelf}
              methods={data.data[0]}
              onAdd={async (input) => {
                await createNotificationRule(id, input)
                data.reload()
              }}
              onRemove={async (rule) => {
                await deleteNotificationRule(id, rule.id)
                data.reload()
              }}
            />
          </section>
        </>
      )}
    </>
  )
}
