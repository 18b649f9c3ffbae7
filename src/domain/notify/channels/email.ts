import { createHash } from 'node:crypto'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Channel, Destination, OutboundMessage, SendOutcome } from './types.js'

export interface EmailSettings {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's URL form). */
  readonly url: string
  readonly from: string
}

/**
 * Email over SMTP. The Message-ID is derived from the idempotency key, and the key is also in
 * an `X-Tend-Idempotency-Key` header, so a resend after a crash is recognisable as the same message.
 */
export class EmailChannel implements Channel {
  readonly type = 'email' as const
  readonly #transport: Transporter
  readonly #from: string

  constructor(settings: EmailSettings) {
    this.#transport = nodemailer.createTransport(settings.url, { from: settings.from })
    this.#from = settings.from
  }

  async send(message: OutboundMessage, to: Destination, signal: AbortSignal): Promise<SendOutcome> {
    const links = [
      message.links.acknowledge === undefined ? null : `Acknowledge: ${message.links.acknowledge}`,
      message.links.resolve === undefined ? null : `Resolve: ${message.links.resolve}`,
      message.links.view === undefined ? null : `Open in Tend: ${message.links.view}`,
    ].filter((x): x is string => x !== null)
    const messageId = `<${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32)}@tend>`
    const send = this.#transport.sendMail({
      from: this.#from,
      to: to.address,
      subject: message.subject,
      text: links.length === 0 ? message.text : `${message.text}\n\n${links.join('\n')}\n`,
      messageId,
      headers: { 'X-Tend-Idempotency-Key': message.idempotencyKey, 'X-Tend-Urgency': message.urgency },
    })
    try {
      const info = await abortable(send, signal)
      return { ok: true, providerId: info.messageId ?? messageId }
    } catch (err) {
      const e = err as Error & { responseCode?: number; code?: string }
      // SMTP 5xx replies are permanent (bad mailbox); connection errors and 4xx are worth retrying.
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500
      return { ok: false, permanent, error: `SMTP ${e.responseCode ?? e.code ?? 'error'}: ${e.message}` }
    }
  }

  close(): void {
    this.#transport.close()
  }
}

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
