import type { ContactMethodType } from '../../users/index.js'

/** A message ready to go out: what every channel renders in its own format. */
export interface OutboundMessage {
  readonly id: string
  readonly idempotencyKey: string
  readonly kind: string
  readonly urgency: 'high' | 'low'
  readonly subject: string
  readonly text: string
  /** Structured data for machine channels (webhook): alert fields, links. */
  readonly payload: Record<string, unknown>
  /** One-click links for people: acknowledge, resolve, open in Tend. */
  readonly links: { readonly acknowledge?: string; readonly resolve?: string; readonly view?: string }
}

/** Where to send it, decrypted just before sending. */
export interface Destination {
  readonly address: string
  /** The per-method HMAC secret (webhooks). */
  readonly signingSecret: string | null
}

/** What a provider said: delivered (with its id), or failed — temporarily (retry) or permanently (dead-letter). */
export type SendOutcome = { readonly ok: true; readonly providerId: string | null } | { readonly ok: false; readonly permanent: boolean; readonly error: string }

/** One way of reaching people. New gateways (SMS, voice, push) implement this and register. */
export interface Channel {
  readonly type: ContactMethodType
  send(message: OutboundMessage, to: Destination, signal: AbortSignal): Promise<SendOutcome>
}
