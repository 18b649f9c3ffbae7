import { Type } from 'typebox'
import { Nullable } from '../common.js'

const HHMM = Type.String({ description: 'local time HH:MM (24h)', examples: ['22:00'] })

export const DailyHours = Type.Object({ start: HHMM, end: HHMM }, { additionalProperties: false })
export const WorkingHours = Type.Object({ days: Type.Array(Type.String(), { maxItems: 7 }), start: HHMM, end: HHMM }, { additionalProperties: false })

export const UserCreateBody = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    email: Type.String({ maxLength: 320 }),
    timeZone: Type.Optional(Type.String({ maxLength: 64, description: 'IANA time zone, default UTC' })),
    sleepHours: Type.Optional(DailyHours),
    workingHours: Type.Optional(WorkingHours),
    isAdmin: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

export const UserPatchBody = Type.Partial(UserCreateBody, { additionalProperties: false })

export const UserJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  timeZone: Type.String(),
  sleepHours: Type.Object({ start: Type.String(), end: Type.String() }),
  workingHours: Type.Object({ days: Type.Array(Type.String()), start: Type.String(), end: Type.String() }),
  isAdmin: Type.Boolean(),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

/** The authenticated user, with the roles they hold per team (what the UI may offer them). */
export const MeJson = Type.Object({
  ...UserJson.properties,
  teamRoles: Type.Array(Type.Object({ teamId: Type.String(), role: Type.String({ description: 'admin, responder or observer' }) })),
})

export const ContactMethodCreateBody = Type.Object(
  {
    type: Type.String({ description: 'email, webhook, slack, sms, voice or push' }),
    address: Type.String({ minLength: 1, maxLength: 4096 }),
    label: Type.Optional(Type.String({ maxLength: 100 })),
    interrupting: Type.Optional(Type.Boolean({ description: 'whether a message on this method wakes the person' })),
  },
  { additionalProperties: false },
)

export const ContactMethodPatchBody = Type.Object(
  { label: Type.Optional(Type.String({ maxLength: 100 })), interrupting: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
)

export const ContactMethodJson = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  type: Type.String(),
  label: Type.String(),
  address: Type.String(),
  interrupting: Type.Boolean(),
  verified: Type.Boolean(),
  verifiedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  signingSecret: Type.Optional(Type.String({ description: 'webhooks only, shown once: verify the x-tend-signature header with it' })),
})

export const NotificationRuleCreateBody = Type.Object(
  {
    contactMethodId: Type.String(),
    urgency: Type.String({ description: 'high or low' }),
    delayMinutes: Type.Optional(Type.Integer({ description: 'minutes after the alert reaches the person' })),
  },
  { additionalProperties: false },
)

export const NotificationRuleJson = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  contactMethodId: Type.String(),
  urgency: Type.String(),
  delayMinutes: Type.Integer(),
})

export const UserSubParams = Type.Object({ id: Type.String(), subId: Type.String() })
