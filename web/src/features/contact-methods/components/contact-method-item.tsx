import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { channelLabel } from '../../../lib/channels'
import type { ContactMethod } from '../../../types/api'
import { deleteContactMethod } from '../api/delete-contact-method'
import { sendTestNotification } from '../api/send-test-notification'
import { sendVerificationCode } from '../api/send-verification-code'
import { updateContactMethod } from '../api/update-contact-method'
import { verifyContactMethod } from '../api/verify-contact-method'
import { VerificationForm } from './verification-form'

interface ContactMethodItemProps {
  readonly method: ContactMethod
  /** Whether the page is about the signed-in person ("Send me a test"). */
  readonly isSelf: boolean
  /** Called after any change the API accepted, to reload methods and rules. */
  readonly onChanged: () => void
}

/** One contact method: verified or not, interrupting or not, and its actions (send code, verify, test, remove). */
export function ContactMethodItem({ method, isSelf, onChanged }: ContactMethodItemProps) {
  const [codeSent, setCodeSent] = useState(false)
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<string>()

  const run = async (name: string, action: () => Promise<string | undefined>) => {
    setBusy(name)
    setError(undefined)
    setNotice(undefined)
    try {
      setNotice(await action())
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(undefined)
    }
  }

  const sendCode = () =>
    run('code', async () => {
      const res = await sendVerificationCode(method.userId, method.id)
      setCodeSent(true)
      return `${res.message}. It is valid for 15 minutes.`
    })
  const test = () => run('test', async () => (await sendTestNotification(method.userId, method.id)).message)
  const toggle = (interrupting: boolean) =>
    run('toggle', async () => {
      await updateContactMethod(method.userId, method.id, { interrupting })
      onChanged()
      return undefined
    })
  const remove = () => {
    if (!window.confirm(`Remove ${method.label}? Notification rules that use it go too.`)) return
    void run('remove', async () => {
      await deleteContactMethod(method.userId, method.id)
      onChanged()
      return undefined
    })
  }

  return (
    <li className="contact-method" aria-label={method.label}>
      <div className="contact-method__main">
        <p>
          <strong>{method.label}</strong>{' '}
          {method.verified ? <span className="badge badge--good">Verified</span> : <span className="badge badge--warn">Not verified</span>}
        </p>
        <p className="muted">{channelLabel(method.type)} · <span className="contact-method__address">{method.address}</span></p>
        <label className="checkbox contact-method__toggle">
          <input type="checkbox" checked={method.interrupting} disabled={busy === 'toggle'} onChange={(e) => void toggle(e.target.checked)} />
          {isSelf ? 'Wakes me' : 'Wakes them'} (interrupting)
        </label>
      </div>
      <div className="contact-method__actions">
        <div className="button-group">
          {method.verified ? (
            <button type="button" className="button button--small" disabled={busy !== undefined} onClick={() => void test()}>
              {busy === 'test' ? 'Sending…' : isSelf ? 'Send me a test notification' : 'Send a test notification'}
            </button>
          ) : (
            <button type="button" className="button button--small" disabled={busy !== undefined} onClick={() => void sendCode()}>
              {busy === 'code' ? 'Sending…' : codeSent ? 'Send a new code' : 'Send code'}
            </button>
          )}
          <button type="button" className="button button--small button--danger" disabled={busy !== undefined} onClick={remove}>
            Remove<span className="visually-hidden"> {method.label}</span>
          </button>
        </div>
        {notice !== undefined && <p className="contact-method__notice" role="status">{notice}</p>}
        {!method.verified && codeSent && (
          <VerificationForm
            methodLabel={method.label}
            onVerify={async (code) => {
              await verifyContactMethod(method.userId, method.id, code)
              setCodeSent(false)
              setNotice(`${method.label} is verified.`)
              onChanged()
            }}
          />
        )}
        {error !== undefined && <Alert>{error}</Alert>}
      </div>
    </li>
  )
}
