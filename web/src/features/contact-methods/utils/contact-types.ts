import type { ContactMethodType } from '../../../types/api'

/** How the form asks for each kind of contact method. */
export interface ContactTypeInfo {
  readonly type: ContactMethodType
  readonly label: string
  readonly addressLabel: string
  readonly placeholder: string
  readonly inputType: 'email' | 'tel' | 'url' | 'text'
  /** Whether it wakes people unless they say otherwise (the server's default too). */
  readonly interruptingByDefault: boolean
}

export const CONTACT_TYPES: readonly ContactTypeInfo[] = [
  { type: 'sms', label: 'SMS', addressLabel: 'Phone number', placeholder: '+4915112345678', inputType: 'tel', interruptingByDefault: true },
  { type: 'voice', label: 'Voice call', addressLabel: 'Phone number', placeholder: '+4915112345678', inputType: 'tel', interruptingByDefault: true },
  { type: 'push', label: 'Push', addressLabel: 'Device token', placeholder: 'from the Tend app', inputType: 'text', interruptingByDefault: true },
  { type: 'email', label: 'Email', addressLabel: 'Email address', placeholder: 'you@example.com', inputType: 'email', interruptingByDefault: false },
  { type: 'slack', label: 'Slack', addressLabel: 'Slack webhook URL', placeholder: 'https://hooks.slack.com/services/…', inputType: 'url', interruptingByDefault: false },
  { type: 'webhook', label: 'Webhook', addressLabel: 'URL', placeholder: 'https://example.com/tend', inputType: 'url', interruptingByDefault: false },
]

/** The form's description of `type`. */
export function contactTypeInfo(type: ContactMethodType): ContactTypeInfo {
  return CONTACT_TYPES.find((t) => t.type === type) ?? (CONTACT_TYPES[0] as ContactTypeInfo)
}
