import { Type } from 'typebox'
import { Nullable, Rfc3339 } from '../common.js'
import { BlastRadiusJson, DeploymentJson, FreezeJson } from '../deploys/schema.js'

export const FieldNote = Type.Object({ field: Type.String(), reason: Type.String() })

const RollbackPlanBody = Type.Object(
  {
    steps: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50, description: 'concrete undo steps in order, e.g. "redeploy the previous version (v1.42.0)"' })),
    estimatedMinutes: Type.Optional(Type.Integer({ description: 'minutes the rollback takes (0 = not estimated)' })),
    tested: Type.Optional(Type.Boolean({ description: 'rehearsed (staging, game day, a previous real rollback)' })),
    testedHow: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)

const changeFields = {
  type: Type.Optional(Type.String({ description: 'standard, normal (default) or emergency' })),
  serviceIds: Type.Optional(Type.Array(Type.String(), { maxItems: 100, description: 'services touched (ids or names)' })),
  description: Type.Optional(Type.String({ maxLength: 20000 })),
  worstCase: Type.Optional(Type.String({ maxLength: 20000, description: 'what users would see if this went wrong' })),
  rollbackPlan: Type.Optional(RollbackPlanBody),
  verificationSteps: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50 })),
  risk: Type.Optional(Nullable(Type.String({ description: 'the author’s estimate: low, medium or high' }))),
  plannedAt: Type.Optional(Nullable(Rfc3339)),
}

export const ChangeCreateBody = Type.Object({ title: Type.String({ maxLength: 1000 }), ...changeFields }, { additionalProperties: false })
export const ChangePatchBody = Type.Object({ title: Type.Optional(Type.String({ maxLength: 1000 })), ...changeFields }, { additionalProperties: false })
export const ChangePreviewBody = Type.Object(
  { title: Type.Optional(Type.String({ maxLength: 1000 })), ...changeFields, mode: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submit')], { description: 'check as a draft or for submitting (default)' })) },
  { additionalProperties: false },
)

export const ActionBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 5000, description: 'kept with the approval, or as a comment' })) }, { additionalProperties: false })
export const CommentBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false })
export const ExceptionBody = Type.Object({ freezeId: Type.String(), comment: Type.Optional(Type.String({ maxLength: 5000 })) }, { additionalProperties: false })

const RollbackStepJson = Type.Object({
  step: Type.String(),
  concrete: Type.Boolean(),
  why: Type.String(),
  rejected: Nullable(Type.String({ description: 'placeholder, too-short or roll-forward' })),
})
const RiskHintJson = Type.Object({ level: Type.String(), because: Type.Array(Type.String()) })

export const CommentJson = Type.Object({ id: Type.String(), userId: Type.String(), userName: Type.String(), body: Type.String(), at: Type.String() })

const changeSummaryFields = {
  id: Type.String(),
  number: Type.Integer(),
  key: Type.String({ description: 'CR-<number>' }),
  title: Type.String(),
  description: Type.String(),
  type: Type.String(),
  state: Type.String({ description: 'draft, submitted, approved, in_progress, done, rolled_back, cancelled' }),
  authorId: Type.String(),
  authorName: Type.String(),
  serviceIds: Type.Array(Type.String()),
  services: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), teamId: Type.String() })),
  worstCase: Type.String(),
  rollbackPlan: Type.Object({ steps: Type.Array(Type.String()), estimatedMinutes: Type.Integer(), tested: Type.Boolean(), testedHow: Type.String() }),
  verificationSteps: Type.Array(Type.String()),
  risk: Nullable(Type.String()),
  riskHint: Nullable(RiskHintJson),
  plannedAt: Nullable(Type.String()),
  reviewDueAt: Nullable(Type.String({ description: 'emergency changes started unapproved: review due by' })),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  approvals: Type.Array(
    Type.Object({ userId: Type.String(), userName: Type.String(), scope: Type.String({ description: 'change, or a freeze id (an exception)' }), freezeId: Nullable(Type.String()), comment: Type.String(), at: Type.String() }),
  ),
  freezeExceptions: Type.Array(Type.String(), { description: 'ids of freezes this change has an approved exception to' }),
}

export const ChangeSummaryJson = Type.Object(changeSummaryFields)

export const ChangeJson = Type.Object({
  ...changeSummaryFields,
  rollbackSteps: Type.Array(RollbackStepJson),
  comments: Type.Array(CommentJson),
  blastRadius: Type.Array(BlastRadiusJson),
  deployments: Type.Array(DeploymentJson),
  nextActions: Type.Array(Type.String(), { description: 'actions you may take now: allowed by the state machine (two-person rule included) and by your roles (submit, approve, start, complete, rollback, cancel, reopen)' }),
  warnings: Type.Array(FieldNote, { description: 'hints that do not block' }),
  toSubmit: Type.Array(FieldNote, { description: 'what still blocks submitting (empty when it could be submitted)' }),
})

export const ChangeListQuery = Type.Object({
  state: Type.Optional(Type.String({ description: 'comma-separated states; "open" = draft,submitted,approved,in_progress' })),
  serviceId: Type.Optional(Type.String()),
  teamId: Type.Optional(Type.String()),
  authorId: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
})

export const PreviewJson = Type.Object({
  valid: Type.Boolean(),
  errors: Type.Array(FieldNote),
  warnings: Type.Array(FieldNote),
  serviceIds: Type.Array(Type.String()),
  rollbackSteps: Type.Array(RollbackStepJson),
  hasUsableRollbackPlan: Type.Boolean(),
  riskHint: RiskHintJson,
  blastRadius: Type.Array(BlastRadiusJson),
})

export const RecentChangeJson = Type.Object({
  kind: Type.String({ description: 'deployment, rollback, change_request or change_event' }),
  id: Type.String(),
  at: Type.String(),
  serviceId: Type.String(),
  serviceName: Type.String(),
  relation: Type.String({ description: 'self (the alert’s service), dependency (it depends on it) or dependent (depends on it directly)' }),
  summary: Type.String(),
  version: Nullable(Type.String()),
  actor: Nullable(Type.String()),
  status: Nullable(Type.String()),
  changeRequest: Nullable(Type.Object({ id: Type.String(), key: Type.String(), title: Type.String(), state: Type.String(), worstCase: Type.String() })),
  rollbackPlan: Nullable(
    Type.Object({ steps: Type.Array(Type.String()), estimatedMinutes: Type.Integer(), tested: Type.Boolean(), testedHow: Type.String(), source: Type.String({ description: 'change-request or previous-version' }) }),
  ),
  within3h: Type.Boolean(),
  ageMinutes: Type.Integer(),
})

const IntervalJson = Type.Object({ start: Type.String(), end: Type.String() })
const PolicyIntervalsFields = {
  timeZone: Type.String(),
  supportTailMinutes: Type.Integer(),
  windows: Type.Array(IntervalJson),
  staffed: Type.Array(IntervalJson),
  deployable: Type.Array(IntervalJson, { description: 'when the time rules allow a deploy to start, end included (window ∩ support tail − holidays − team-wide freezes)' }),
  holidays: Type.Array(Type.Object({ date: Type.String(), start: Type.String(), end: Type.String() })),
}

export const CalendarQuery = Type.Object({ from: Type.String({ description: 'RFC 3339' }), to: Type.String({ description: 'RFC 3339 (at most 92 days after from)' }), teamId: Type.Optional(Type.String()) })

export const CalendarJson = Type.Object({
  from: Type.String(),
  to: Type.String(),
  teams: Type.Array(
    Type.Object({
      teamId: Type.String(),
      teamName: Type.String(),
      policySource: Type.String(),
      ...PolicyIntervalsFields,
      serviceOverrides: Type.Array(Type.Object({ serviceId: Type.String(), serviceName: Type.String(), ...PolicyIntervalsFields })),
    }),
  ),
  freezes: Type.Array(FreezeJson),
  changeRequests: Type.Array(ChangeSummaryJson),
  deployments: Type.Array(DeploymentJson),
})

const DoraFields = {
  deployments: Type.Integer(),
  deploymentsPerWeek: Type.Number(),
  changeFailureRate: Nullable(Type.Number()),
  medianTimeToRestoreMinutes: Nullable(Type.Number()),
  shareInsideWindows: Nullable(Type.Number()),
  rollbackShareOfFailures: Nullable(Type.Number()),
  bands: Type.Object({ deploymentFrequency: Type.String(), changeFailureRate: Nullable(Type.String()), timeToRestore: Nullable(Type.String()) }, { description: 'elite, high or below-high (DORA 2024)' }),
  summary: Type.String(),
}

export const MetricsQuery = Type.Object({ from: Type.Optional(Type.String({ description: 'RFC 3339; default 90 days before to' })), to: Type.Optional(Type.String({ description: 'RFC 3339; default now' })) })

export const MetricsJson = Type.Object({
  teamId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  deployImpact: Type.Object({
    deploys: Type.Integer(),
    perDeploy: Type.Array(Type.Object({ deployId: Type.String(), firstAlertAfterMinutes: Nullable(Type.Number()) })),
    buckets: Type.Object({ within1h: Type.Number(), within3h: Type.Number(), within6h: Type.Number(), within24h: Type.Number(), total: Type.Integer() }, { description: 'cumulative shares of deploy-related first alerts' }),
    configuredTailMinutes: Type.Integer(),
    suggestedTailMinutes: Nullable(Type.Integer()),
    shareWithinConfiguredTail: Nullable(Type.Number()),
    coverageTarget: Type.Number(),
    note: Type.String(),
  }),
  dora: Type.Object({
    team: Type.Object(DoraFields),
    services: Type.Array(Type.Object({ serviceId: Type.String(), serviceName: Type.String(), ...DoraFields })),
    published: Type.String(),
  }),
})
