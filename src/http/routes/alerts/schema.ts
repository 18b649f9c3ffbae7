import { Type } from 'typebox'
import { Nullable } from '../common.js'
import { RecentChangeJson } from '../changes/schema.js'

export const AlertJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  serviceName: Type.String(),
  teamId: Type.String(),
  dedupKey: Type.String(),
  status: Type.String({ description: 'triggered, acknowledged or resolved' }),
  urgency: Type.String(),
  summary: Type.String(),
  source: Type.String(),
  severity: Type.String(),
  component: Nullable(Type.String()),
  group: Nullable(Type.String()),
  class: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  links: Type.Array(Type.Object({ href: Type.String(), text: Type.Optional(Type.String()) })),
  origin: Type.String(),
  createdAt: Type.String(),
  lastEventAt: Type.String(),
  eventCount: Type.Integer(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  nextEscalationAt: Nullable(Type.String()),
})

export const TimelineJson = Type.Object({ at: Type.String(), kind: Type.String(), actor: Type.String(), message: Type.String(), data: Type.Unknown() })

export const NotificationJson = Type.Object({
  id: Type.String(),
  alertId: Nullable(Type.String()),
  userId: Type.String(),
  channel: Type.String(),
  kind: Type.String(),
  urgency: Type.String(),
  interrupting: Type.Boolean(),
  status: Type.String(),
  notBefore: Type.String(),
  nextAttemptAt: Type.String(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  subject: Type.String(),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
})

export const AlertDetailJson = Type.Object({
  alert: AlertJson,
  timeline: Type.Array(TimelineJson),
  notifications: Type.Array(NotificationJson),
  recentChanges: Type.Array(RecentChangeJson, { description: 'changes to the service, its dependencies and direct dependents from 24 h before the alert until now, newest first; within3h = in the 3 h before the alert' }),
  viewer: Type.Object(
    {
      mayAct: Type.Boolean({ description: 'whether the caller may acknowledge, resolve, escalate, reassign or record an outcome' }),
      why: Nullable(Type.String({ description: 'when they may not: what it needs' })),
    },
    { description: 'what the caller may do with this alert' },
  ),
})

export const AlertListQuery = Type.Object({
  status: Type.Optional(Type.String({ description: 'comma-separated: triggered, acknowledged, resolved; "open" = triggered,acknowledged' })),
  serviceId: Type.Optional(Type.String()),
  teamId: Type.Optional(Type.String()),
  urgency: Type.Optional(Type.String({ description: 'high or low' })),
  before: Type.Optional(Type.String({ description: 'RFC 3339: page backwards' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
})

export const ManualAlertBody = Type.Object(
  {
    serviceId: Type.Optional(Type.String({ description: 'page a service (through its escalation policy)' })),
    teamId: Type.Optional(Type.String({ description: "page a team (whoever is on call on its schedules)" })),
    userIds: Type.Optional(Type.Array(Type.String(), { maxItems: 20, description: 'page people directly (ids or emails)' })),
    summary: Type.String({ minLength: 1, maxLength: 1024 }),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    urgency: Type.Optional(Type.String({ description: 'high (default) or low' })),
    dedupKey: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
)

export const ResolveBody = Type.Object(
  { outcome: Type.Optional(Type.String({ description: 'actionable, noise or duplicate' })), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
)

export const ReassignBody = Type.Object({ userIds: Type.Array(Type.String(), { minItems: 1, maxItems: 20 }) }, { additionalProperties: false })
