import type { ContactMethodType } from '../../users/index.js'
import type { Channel, Destination, OutboundMessage, SendOutcome } from './types.js'

/**
 * The channels this instance can deliver on. A type without a registered channel answers a
 * permanent, named failure ("no sms gateway is configured") instead of the caller checking.
 */
export class ChannelRegistry {
  readonly #channels = new Map<ContactMethodType, Channel>()
  readonly #why = new Map<ContactMethodType, string>()

  register(channel: Channel): this {
    this.#channels.set(channel.type, channel)
    return this
  }

  /** Records why a type cannot deliver here, for the failure message. */
  disable(type: ContactMethodType, reason: string): this {
    this.#why.set(type, reason)
    return this
  }

  has(type: ContactMethodType): boolean {
    return this.#channels.has(type)
  }

  async send(type: ContactMethodType, message: OutboundMessage, to: Destination, signal: AbortSignal): Promise<SendOutcome> {
    const channel = this.#channels.get(type)
    if (channel === undefined) {
      return { ok: false, permanent: true, error: this.#why.get(type) ?? `no ${type} gateway is configured on this Tend instance` }
    }
    try {
      return await channel.send(message, to, signal)
    } catch (err) {
      // A thrown error is a channel bug or a network failure: retry it, never lose it.
      return { ok: false, permanent: false, error: (err as Error).message }
    }
  }
}
