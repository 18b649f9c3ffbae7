import { outcomeOfError, outcomeOfStatus } from './http-outcome.js'
import type { Channel, Destination, OutboundMessage, SendOutcome } from './types.js'

/** Escapes text for Slack mrkdwn (&, <, > are control characters there). */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Builds a Slack incoming-webhook payload: plain `text` fallback plus a section and link buttons. */
export function slackPayload(message: OutboundMessage): Record<string, unknown> {
  const links = [
    message.links.acknowledge === undefined ? null : `<${message.links.acknowledge}|Acknowledge>`,
    message.links.resolve === undefined ? null : `<${message.links.resolve}|Resolve>`,
    message.links.view === undefined ? null : `<${message.links.view}|Open in Tend>`,
  ].filter((x): x is string => x !== null)
  return {
    text: `${message.subject}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${esc(message.subject)}*\n${esc(message.text).slice(0, 2500)}` } },
      ...(links.length === 0 ? [] : [{ type: 'context', elements: [{ type: 'mrkdwn', text: links.join('  ·  ') }] }]),
    ],
  }
}

/** Slack incoming webhooks (the URL is the credential, sealed at rest). */
export class SlackChannel implements Channel {
  readonly type = 'slack' as const

  async send(message: OutboundMessage, to: Destination, signal: AbortSignal): Promise<SendOutcome> {
    try {
      const res = await fetch(to.address, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(slackPayload(message)), signal, redirect: 'manual' })
      return outcomeOfStatus(res.status, await res.text().catch(() => ''))
    } catch (err) {
      return outcomeOfError(err)
    }
  }
}
