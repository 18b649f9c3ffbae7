import { Type } from 'typebox'
import { Nullable, Rfc3339 } from '../common.js'

const Weekly = Type.Object(
  {
    days: Type.Array(Type.String({ description: 'mon, tue, wed, thu, fri, sat, sun' }), { maxItems: 7 }),
    start: Type.String({ description: 'local time "HH:MM"' }),
    end: Type.String({ description: 'local time "HH:MM"; end ≤ start crosses midnight' }),
  },
  { additionalProperties: false },
)

const ChecksFields = {
  requireOnCall: Type.Boolean({ description: 'someone reachable must cover [at, at + tail] (default true)' }),
  denyIfOnCallAsleep: Type.Boolean({ description: 'deny when the support tail overlaps the on-call person’s sleep hours (default true)' }),
  denyIfOnCallRelieved: Type.Boolean({ description: 'deny while cover is a relief stand-in (default true)' }),
  denyIfNightBudgetSpent: Type.Boolean({ description: 'deny when the team’s night-page budget is spent (default true)' }),
  denyIfOpenHighUrgencyAlert: Type.Boolean({ description: 'deny while high-urgency alerts are open on the service (default true)' }),
  requireApprovedChange: Type.Boolean({ description: 'every deploy must name an approved change request (default false)' }),
}
const ChecksPartial = Type.Object(
  {
    requireOnCall: Type.Optional(ChecksFields.requireOnCall),
    denyIfOnCallAsleep: Type.Optional(ChecksFields.denyIfOnCallAsleep),
    denyIfOnCallRelieved: Type.Optional(ChecksFields.denyIfOnCallRelieved),
    denyIfNightBudgetSpent: Type.Optional(ChecksFields.denyIfNightBudgetSpent),
    denyIfOpenHighUrgencyAlert: Type.Optional(ChecksFields.denyIfOpenHighUrgencyAlert),
    requireApprovedChange: Type.Optional(ChecksFields.requireApprovedChange),
  },
  { additionalProperties: false },
)

/** A team's whole policy (PUT replaces; absent fields take the defaults, the zone the team's). */
export const TeamPolicyBody = Type.Object(
  {
    timeZone: Type.Optional(Type.String({ description: 'IANA zone of windows, staffed hours and holidays (default: the team’s)' })),
    windows: Type.Optional(Type.Array(Weekly, { maxItems: 50, description: 'weekly allow windows; [] = no window restriction (default Mon–Fri 09:00–17:00)' })),
    supportTailMinutes: Type.Optional(Type.Integer({ description: 'staffed minutes a deploy must leave after it (default 180)' })),
    staffedHours: Type.Optional(Weekly),
    holidays: Type.Optional(Type.Array(Type.String({ description: 'YYYY-MM-DD' }), { maxItems: 1000 })),
    checks: Type.Optional(ChecksPartial),
  },
  { additionalProperties: false },
)

/** A service's override: only the fields given are set; the rest are inherited from the team. */
export const ServicePolicyBody = TeamPolicyBody

export const PolicyJson = Type.Object({
  timeZone: Type.String(),
  windows: Type.Array(Type.Object({ days: Type.Array(Type.String()), start: Type.String(), end: Type.String() })),
  supportTailMinutes: Type.Integer(),
  staffedHours: Type.Object({ days: Type.Array(Type.String()), start: Type.String(), end: Type.String() }),
  holidays: Type.Array(Type.String()),
  checks: Type.Object(ChecksFields),
})

const ServicePolicySummary = Type.Object({
  serviceId: Type.String(),
  serviceName: Type.String(),
  source: Type.String({ description: 'default, team or service (its own override)' }),
  override: Nullable(Type.Unknown({ description: 'the fields this service sets; null = inherits everything' })),
  policy: PolicyJson,
})

export const TeamPolicyJson = Type.Object({
  teamId: Type.String(),
  isDefault: Type.Boolean({ description: 'nothing stored: the default policy in the team’s zone applies' }),
  updatedAt: Nullable(Type.String()),
  policy: PolicyJson,
  services: Type.Array(ServicePolicySummary, { description: 'every service of the team with the policy that governs it' }),
})

export const ServicePolicyJson = Type.Object({
  serviceId: Type.String(),
  serviceName: Type.String(),
  teamId: Type.String(),
  source: Type.String({ description: 'default, team or service' }),
  override: Nullable(Type.Unknown()),
  updatedAt: Nullable(Type.String()),
  policy: PolicyJson,
})

export const HolidayImportBody = Type.Object(
  {
    ics: Type.String({ minLength: 1, maxLength: 2_000_000, description: 'the body of an iCalendar (.ics) file' }),
    mode: Type.Optional(Type.Union([Type.Literal('merge'), Type.Literal('replace')], { description: 'merge (default) with the holidays already set, or replace them' })),
  },
  { additionalProperties: false },
)

export const HolidayImportJson = Type.Object({
  policy: TeamPolicyJson,
  added: Type.Array(Type.String(), { description: 'dates that were not holidays before' }),
  problems: Type.Array(Type.String(), { description: 'events that could not be read (the rest were imported)' }),
})

const ScopeBody = Type.Object(
  {
    kind: Type.String({ description: 'all, teams or services' }),
    teamIds: Type.Optional(Type.Array(Type.String(), { maxItems: 200, description: 'ids or names (kind teams)' })),
    serviceIds: Type.Optional(Type.Array(Type.String(), { maxItems: 500, description: 'ids or names (kind services)' })),
  },
  { additionalProperties: false },
)

export const FreezeBody = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    start: Rfc3339,
    end: Rfc3339,
    scope: Type.Optional(ScopeBody),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    approverIds: Type.Optional(Type.Array(Type.String(), { maxItems: 50, description: 'who may approve exceptions (ids or emails); empty = global administrators' })),
  },
  { additionalProperties: false },
)
export const FreezePatch = Type.Partial(FreezeBody, { additionalProperties: false })

export const FreezeJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  start: Type.String(),
  end: Type.String(),
  scope: Type.Object({ kind: Type.String(), teamIds: Type.Optional(Type.Array(Type.String())), serviceIds: Type.Optional(Type.Array(Type.String())) }),
  reason: Type.String(),
  approverIds: Type.Array(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  active: Type.Boolean({ description: 'in force now' }),
  exceptions: Type.Array(Type.Object({ changeId: Type.String(), changeKey: Type.String(), approvedBy: Type.String(), comment: Type.String(), at: Type.String() })),
})

export const FreezeListQuery = Type.Object({
  from: Type.Optional(Type.String({ description: 'RFC 3339; default now' })),
  to: Type.Optional(Type.String({ description: 'RFC 3339; default: no end' })),
  teamId: Type.Optional(Type.String({ description: 'only freezes covering this team or its services' })),
  serviceId: Type.Optional(Type.String({ description: 'only freezes covering this service' })),
})

export const ReasonJson = Type.Object({
  code: Type.String({ description: 'WINDOW_CLOSED, HOLIDAY, SUPPORT_TAIL, FREEZE, NO_ONCALL, ONCALL_ASLEEP, ONCALL_RELIEVED, NIGHT_BUDGET_SPENT, OPEN_HIGH_URGENCY_ALERT, NO_APPROVED_CHANGE, NO_ROLLBACK_PLAN, ROLLBACK_ALWAYS_ALLOWED, FREEZE_EXCEPTION' }),
  effect: Type.String({ description: 'deny, warn (would deny a deploy; this is a rollback) or allow' }),
  message: Type.String(),
  until: Type.Optional(Type.String({ description: 'when this rule alone stops denying' })),
})

export const OnCallPersonJson = Type.Object({ scheduleId: Type.String(), scheduleName: Type.String(), userId: Type.String(), userName: Type.String() })

export const BlastRadiusJson = Type.Object({
  serviceId: Type.String(),
  serviceName: Type.String(),
  distance: Type.Integer({ description: '0 = touched, 1 = direct dependent, …' }),
  teamId: Type.String(),
  teamName: Type.String(),
  onCall: Type.Array(OnCallPersonJson),
})

export const DeployCheckBody = Type.Object(
  {
    service: Type.String({ description: 'service id or name' }),
    change: Type.Optional(Type.String({ description: 'change request: CR-42, 42 or id' })),
    at: Type.Optional(Rfc3339),
    kind: Type.Optional(Type.Union([Type.Literal('deploy'), Type.Literal('rollback')], { description: 'deploy (default) or rollback' })),
  },
  { additionalProperties: false },
)

export const DeployCheckJson = Type.Object({
  checkId: Type.String(),
  allowed: Type.Boolean(),
  kind: Type.String(),
  at: Type.String({ description: 'the instant checked' }),
  reasons: Type.Array(ReasonJson),
  nextAllowedAt: Nullable(Type.String({ description: 'earliest time the time rules allow (on-call and alerts are re-checked then)' })),
  service: Type.Object({ id: Type.String(), name: Type.String(), teamId: Type.String() }),
  change: Nullable(Type.Object({ id: Type.String(), key: Type.String(), title: Type.String(), state: Type.String() })),
  policy: PolicyJson,
  policySource: Type.String(),
  facts: Type.Object({
    onCall: Type.Array(
      Type.Object({ from: Type.String(), to: Type.String(), userId: Nullable(Type.String()), userName: Nullable(Type.String()), asleepDuring: Type.Boolean(), relieved: Type.Boolean(), reachable: Type.Boolean() }),
    ),
    openHighUrgencyAlerts: Type.Integer(),
    nightBudgetSpent: Type.Boolean(),
    nightBudgetKnown: Type.Boolean({ description: 'whether the night-page budget could be read' }),
    nightBudgetSummary: Nullable(Type.String({ description: 'on-call health’s sentence about the team’s night-page budget' })),
  }),
  blastRadius: Type.Array(BlastRadiusJson),
})

export const DeployCheckRecordJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  changeRequestId: Nullable(Type.String()),
  kind: Type.String(),
  at: Type.String(),
  allowed: Type.Boolean(),
  reasons: Type.Array(ReasonJson),
  nextAllowedAt: Nullable(Type.String()),
  actor: Type.String(),
  createdAt: Type.String(),
})

export const DeploymentBody = Type.Object(
  {
    service: Type.String({ description: 'service id or name' }),
    version: Type.String({ minLength: 1, maxLength: 200 }),
    change: Type.Optional(Type.String({ description: 'change request: CR-42, 42 or id' })),
    kind: Type.Optional(Type.Union([Type.Literal('deploy'), Type.Literal('rollback')])),
    overrideReason: Type.Optional(Type.String({ maxLength: 2000, description: 'required when the gate denies: deploying anyway is recorded and audited' })),
    source: Type.Optional(Type.String({ maxLength: 50, description: 'where it was recorded from: ci, cli, ui… (default api)' })),
  },
  { additionalProperties: false },
)

export const DeploymentJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  serviceName: Type.String(),
  kind: Type.String(),
  version: Type.String(),
  changeRequestId: Nullable(Type.String()),
  changeKey: Nullable(Type.String()),
  actor: Type.String(),
  actorUserId: Nullable(Type.String()),
  status: Type.String({ description: 'in_progress, succeeded, failed or rolled_back' }),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  gateCheckId: Nullable(Type.String()),
  overrideReason: Nullable(Type.String()),
  rollsBackId: Nullable(Type.String()),
  source: Type.String(),
})

export const DeploymentStarted = Type.Object({ deployment: DeploymentJson, check: DeployCheckJson })

export const FinishBody = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('succeeded'), Type.Literal('failed')], { description: 'succeeded (default) or failed' })) },
  { additionalProperties: false },
)

export const RollbackBody = Type.Object(
  {
    version: Type.Optional(Type.String({ maxLength: 200, description: 'version to return to; default the one deployed before' })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    inProgress: Type.Optional(Type.Boolean({ description: 'record the rollback as started (finish it later); default: done' })),
    source: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
)

export const RollbackJson = Type.Object({ rollback: DeploymentJson, original: DeploymentJson })

export const DeploymentListQuery = Type.Object({
  serviceId: Type.Optional(Type.String()),
  teamId: Type.Optional(Type.String()),
  status: Type.Optional(Type.String({ description: 'in_progress, succeeded, failed, rolled_back' })),
  from: Type.Optional(Type.String({ description: 'RFC 3339' })),
  to: Type.Optional(Type.String({ description: 'RFC 3339' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
})
