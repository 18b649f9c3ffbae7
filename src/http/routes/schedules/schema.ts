import { Type } from 'typebox'
import { Nullable, Rfc3339 } from '../common.js'

const HHMM = Type.String({ description: 'local time HH:MM (24h)', examples: ['09:00'] })

export const RestrictionBody = Type.Object(
  {
    days: Type.Array(Type.String(), { description: 'mon…sun: the local days the window starts on', maxItems: 7 }),
    start: HHMM,
    end: Type.String({ description: 'HH:MM; earlier than start ends the next day, equal to start is a whole day' }),
  },
  { additionalProperties: false },
)

export const LayerBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    timeZone: Type.Optional(Nullable(Type.String({ maxLength: 64, description: "IANA zone for this layer's handoffs and restrictions; default the schedule's" }))),
    startsAt: Rfc3339,
    endsAt: Type.Optional(Nullable(Rfc3339)),
    shiftLength: Type.Integer({ description: 'how many units one shift lasts' }),
    shiftUnit: Type.String({ description: 'hours, days or weeks (wall-clock in the layer zone)' }),
    handoffTime: HHMM,
    members: Type.Array(Type.String(), { maxItems: 200, description: 'user ids (or emails) in rotation order' }),
    restrictions: Type.Optional(Type.Array(RestrictionBody, { maxItems: 50 })),
  },
  { additionalProperties: false },
)

export const ScheduleBody = Type.Object(
  {
    name: Type.String({ maxLength: 100 }),
    teamId: Type.String({ description: 'owning team (id or name)' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    timeZone: Type.String({ maxLength: 64, description: 'IANA zone, e.g. Europe/Berlin' }),
    layers: Type.Array(LayerBody, { maxItems: 20, description: 'bottom → top; the top layer with someone on call wins' }),
  },
  { additionalProperties: false },
)

export const SchedulePatch = Type.Partial(ScheduleBody, { additionalProperties: false })

export const LayerJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  timeZone: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Nullable(Type.String()),
  shiftLength: Type.Integer(),
  shiftUnit: Type.String(),
  handoffTime: Type.String(),
  members: Type.Array(Type.String()),
  restrictions: Type.Array(Type.Object({ days: Type.Array(Type.String()), start: Type.String(), end: Type.String() })),
})

export const ScheduleJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  teamId: Type.String(),
  description: Type.String(),
  timeZone: Type.String(),
  layers: Type.Array(LayerJson),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

export const OverrideBody = Type.Object(
  {
    userId: Type.String({ description: 'who takes the pager (id or email)' }),
    replacesUserId: Type.Optional(Nullable(Type.String({ description: 'only while this person would be on call (swap); omit to cover the whole range' }))),
    start: Rfc3339,
    end: Rfc3339,
    kind: Type.Optional(Type.String({ description: 'manual (default) or swap; relief overrides are made by on-call health' })),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const OverrideJson = Type.Object({
  id: Type.String(),
  scheduleId: Type.String(),
  userId: Type.String(),
  replacesUserId: Nullable(Type.String()),
  kind: Type.String(),
  start: Type.String(),
  end: Type.String(),
  reason: Type.String(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
})

export const PersonRef = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), timeZone: Type.String() })

export const ShiftJson = Type.Object({
  start: Type.String(),
  end: Type.String(),
  user: Nullable(PersonRef),
  source: Type.Object({ type: Type.String(), layerId: Type.Optional(Type.String()), layerName: Type.Optional(Type.String()), overrideId: Type.Optional(Type.String()), kind: Type.Optional(Type.String()) }),
})

export const ShiftsQuery = Type.Object({
  from: Type.Optional(Type.String({ description: 'RFC 3339; default now' })),
  to: Type.Optional(Type.String({ description: 'RFC 3339; default from + 14 days; at most 400 days after from' })),
  layers: Type.Optional(Type.Boolean({ description: 'also return each layer’s own shifts' })),
})

export const AtQuery = Type.Object({ at: Type.Optional(Type.String({ description: 'RFC 3339; default now' })) })

export const OnCallJson = Type.Object({
  scheduleId: Type.String(),
  scheduleName: Type.String(),
  teamId: Type.String(),
  at: Type.String(),
  shift: ShiftJson,
  nextHandoff: Nullable(Type.Object({ at: Type.String(), from: Nullable(PersonRef), to: Nullable(PersonRef) })),
})
