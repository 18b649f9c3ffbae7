const CHANNELS: Readonly<Record<string, string>> = { email: 'Email', sms: 'SMS', voice: 'Voice call', push: 'Push', slack: 'Slack', webhook: 'Webhook' }

/** "SMS", "Voice call", …: a contact method type or notification channel as people say it. */
export function channelLabel(channel: string): string {
  return CHANNELS[channel] ?? channel
}
