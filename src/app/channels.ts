import type { ProcessConfig } from '../config/process-config.js'
import { ChannelRegistry, EmailChannel, SlackChannel, WebhookChannel } from '../domain/notify/index.js'
import type { Clock } from '../lib/time/index.js'

/**
 * The channels this instance delivers on. Webhook and Slack always work; email needs an SMTP
 * server; SMS, voice and push need gateways that are not built yet, and say so when used.
 */
export function buildChannels(config: ProcessConfig, clock: Clock): ChannelRegistry {
  const registry = new ChannelRegistry().register(new WebhookChannel(clock)).register(new SlackChannel())
  if (config.smtpUrl !== null) registry.register(new EmailChannel({ url: config.smtpUrl, from: config.smtpFrom }))
  else registry.disable('email', 'email is not configured on this Tend instance (set TEND_SMTP_URL)')
  for (const type of ['sms', 'voice', 'push'] as const) registry.disable(type, `no ${type} gateway is configured on this Tend instance yet`)
  return registry
}
