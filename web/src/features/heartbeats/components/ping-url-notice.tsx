import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { pingCommands, wrapperScript } from '../utils/ping-commands'

interface PingUrlNoticeProps {
  readonly name: string
  readonly pingUrl: string
  readonly onDismiss: () => void
}

/** The new heartbeat's ping URL and the lines a job runs to report in, shown once. */
export function PingUrlNotice({ name, pingUrl, onDismiss }: PingUrlNoticeProps) {
  const [copied, setCopied] = useState<string>()
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(text)
    } catch {
      // Clipboard access needs a secure context; the text stays selectable.
    }
  }
  return (
    <section className="card ping-notice" aria-labelledby="ping-notice-title" data-testid="ping-url-notice">
      <div className="section__header">
        <h2 id="ping-notice-title">Ping URL for “{name}”</h2>
        <button type="button" className="button button--small" onClick={onDismiss}>I have copied it</button>
      </div>
      <Alert tone="warning">
        <p><strong>Copy it now: it is shown only once.</strong> Tend keeps only a hash; anyone with the URL can ping it.</p>
      </Alert>
      <div className="ping-notice__url">
        <code data-testid="ping-url">{pingUrl}</code>
        <button type="button" className="button button--small" onClick={() => void copy(pingUrl)}>{copied === pingUrl ? 'Copied' : 'Copy URL'}</button>
      </div>
      <ul className="ping-notice__commands">
        {pingCommands(pingUrl).map((c) => (
          <li key={c.command}>
            <p className="muted">{c.label}</p>
            <div className="ping-notice__line">
              <pre className="code-block">{c.command}</pre>
              <button type="button" className="button button--small" onClick={() => void copy(c.command)} aria-label={`Copy: ${c.label}`}>
                {copied === c.command ? 'Copied' : 'Copy'}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <details>
        <summary>A wrapper script that reports start, success, or failure with the log’s tail</summary>
        <pre className="code-block">{wrapperScript(pingUrl)}</pre>
      </details>
    </section>
  )
}
