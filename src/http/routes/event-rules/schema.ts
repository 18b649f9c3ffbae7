import { Type } from 'typebox'
import { Nullable, Rfc3339 } from '../common.js'

const Condition = Type.Object(
  {
    field: Type.String({ maxLength: 200, description: 'summary, source, severity, component, group, class, dedupKey, details.<path> or labels.<name>' }),
    op: Type.String({ description: 'equals, contains, matches (regex), in, exists' }),
    value: Type.Optional(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
    values: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
    pattern: Type.Optional(Type.String({ maxLength: 256 })),
    ignoreCase: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

const Actions = Type.Object(
  {
    suppress: Type.Optional(Type.Boolean({ description: 'store the alert, notify nobody' })),
    setUrgency: Type.Optional(Nullable(Type.String({ description: 'high or low' }))),
    routeTo: Type.Optional(Nullable(Type.String({ description: 'raise the alert on this service (id or name) instead' }))),
    pageIfFires: Type.Optional(
      Nullable(Type.Object({ times: Type.Integer(), withinMinutes: Type.Integer(), per: Type.Optional(Type.String({ description: 'dedupKey (default) or rule' })) }, { additionalProperties: false, description: 'page only if it fires N times within M minutes' })),
    ),
    pageIfStillOpenAfter: Type.Optional(Nullable(Type.Object({ minutes: Type.Integer() }, { additionalProperties: false, description: 'page only if still open after D minutes' }))),
  },
  { additionalProperties: false },
)

export const EventRuleBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    disabled: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ description: '0-based place in the list (first matching rule wins); default last' })),
    conditions: Type.Optional(Type.Array(Condition, { maxItems: 20, description: 'all must match; none matches every event' })),
    actions: Actions,
  },
  { additionalProperties: false },
)

export const EventRulePatch = Type.Partial(EventRuleBody, { additionalProperties: false })

export const EventRuleJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  position: Type.Integer(),
  name: Type.String(),
  disabled: Type.Boolean(),
  conditions: Type.Unknown(),
  actions: Type.Unknown(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

export const ReorderBody = Type.Object({ ids: Type.Array(Type.String(), { maxItems: 500, description: "every rule id of the service, in the new order" }) }, { additionalProperties: false })

export const HeldJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  ruleId: Nullable(Type.String()),
  kind: Type.String({ description: 'page (still-open hold) or resolve (flapping source)' }),
  alertId: Type.String(),
  dedupKey: Type.String(),
  reason: Type.String(),
  releaseAt: Type.String(),
  status: Type.String({ description: 'held, released or dropped' }),
  outcomeNote: Nullable(Type.String()),
  settledAt: Nullable(Type.String()),
  createdAt: Type.String(),
})

export const ServiceEventJson = Type.Object({
  id: Type.String(),
  receivedAt: Type.String(),
  action: Type.String(),
  dedupKey: Type.String(),
  sourceType: Nullable(Type.String()),
  outcome: Type.String({ description: 'suppressed, held, paged, flapping (a rule or flap detection acted), else opened, deduplicated, acknowledged, resolved, ignored' }),
  detail: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  alertId: Nullable(Type.String()),
  alertServiceId: Nullable(Type.String()),
  rule: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  reason: Nullable(Type.String()),
  urgency: Nullable(Type.String()),
  hold: Nullable(HeldJson),
})

export const EventsQuery = Type.Object({
  outcome: Type.Optional(Type.String({ description: 'suppressed, held, paged, flapping, opened, deduplicated, …' })),
  before: Type.Optional(Rfc3339),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
})

export const FlappingJson = Type.Object({ dedupKey: Type.String(), percentChange: Type.Number(), events: Type.Integer(), lastEventAt: Type.String(), alertId: Nullable(Type.String()) })
