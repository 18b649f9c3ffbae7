import { createHmac } from 'node:crypto'
import type { Clock } from '../../../lib/time/index.js'
import { outcomeOfError, outcomeOfStatus } from './http-outcome.js'
import type { Channel, Destination, OutboundMessage, SendOutcome } from './types.js'

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed by the method's secret. */
export const SIGNATURE_HEADER = 'x-tend-signature'

/** Signs a webhook body as receivers verify it: HMAC-SHA256 over `${t}.${body}`. */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${mac}`
}

/**
 * Generic JSON webhook: POSTs the message with an `Idempotency-Key` header (stable across
 * retries, so the receiver can drop duplicates) and an HMAC signature.
 */
export class WebhookChannel implements Channel {
  readonly type = 'webhook' as const

  constructor(private readonly clock: Clock) {}

  async send(message: OutboundMessage, to: Destination, signal: AbortSignal): Promise<SendOutcome> {
    const body = JSON.stringify({
      type: 'tend.notification',
      id: message.id,
      idempotencyKey: message.idempotencyKey,
      kind: message.kind,
      urgency: message.urgency,
      subject: message.subject,
      text: message.text,
      links: message.links,
      ...message.payload,
    })
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey, 'user-agent': 'Tend-Webhook/1' }
    if (to.signingSecret !== null) headers[SIGNATURE_HEADER] = signWebhook(to.signingSecret, Math.floor(this.clock.now() / 1000), body)
    try {
      const res = await fetch(to.address, { method: 'POST', headers, body, signal, redirect: 'manual' })
      return outcomeOfStatus(res.status, await res.text().catch(() => ''))
    } catch (err) {
      return outcomeOfError(err)
    }
  }
}
