import { Type } from 'typebox'
import { Nullable, Rfc3339 } from '../common.js'

const Selector = Type.Record(Type.String(), Type.String(), { description: 'exact label matches a series must have' })
const SeriesRef = Type.Object({ metric: Type.String({ maxLength: 200 }), selector: Type.Optional(Nullable(Selector)) }, { additionalProperties: false })

/** Create body; PATCH takes any subset. Threshold fields apply to kind "threshold", SLO fields to kind "slo". */
export const AlarmBody = Type.Object(
  {
    name: Type.String({ maxLength: 100 }),
    kind: Type.Optional(Type.String({ description: 'threshold (default) or slo' })),
    metric: Type.Optional(Type.String({ maxLength: 200, description: 'threshold: the metric name' })),
    selector: Type.Optional(Nullable(Selector)),
    statistic: Type.Optional(Type.String({ description: 'avg (default), min, max, sum, count, p50, p90, p99' })),
    periodSeconds: Type.Optional(Type.Integer({ description: 'whole minutes, 60 (default) to 86400' })),
    comparison: Type.Optional(Type.String({ description: '>, >=, <, <=' })),
    threshold: Type.Optional(Type.Number()),
    recoveryThreshold: Type.Optional(Nullable(Type.Number({ description: 'hysteresis: once in ALARM, datapoints are judged against this instead' }))),
    evaluationPeriods: Type.Optional(Type.Integer({ description: 'N: periods evaluated (default 3)' })),
    datapointsToAlarm: Type.Optional(Type.Integer({ description: 'M: breaching periods among N that alarm (default N)' })),
    treatMissingData: Type.Optional(Type.String({ description: 'missing (default), breaching, notBreaching, ignore' })),
    good: Type.Optional(Nullable(SeriesRef)),
    total: Type.Optional(Nullable(SeriesRef)),
    target: Type.Optional(Type.Number({ description: 'slo: good fraction, e.g. 0.999' })),
    periodDays: Type.Optional(Type.Integer({ description: 'slo: period of the objective in days (default 30)' })),
    severity: Type.Optional(Type.String({ description: 'severity of the alert: critical (default), error, warning, info; the service maps it to urgency' })),
    okPeriodsToResolve: Type.Optional(Type.Integer({ description: 'OK evaluations in a row that resolve the alert (default 2)' })),
    flap: Type.Optional(Nullable(Type.Object({ low: Type.Optional(Type.Number()), high: Type.Optional(Type.Number()) }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
)

export const AlarmPatch = Type.Partial(AlarmBody, { additionalProperties: false })

const AlertRef = Nullable(Type.Object({ id: Type.String(), status: Type.String(), urgency: Type.String(), createdAt: Type.String() }))
const BurnRates = Type.Record(Type.String(), Nullable(Type.Number()))

export const AlarmJson = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  name: Type.String(),
  kind: Type.String({ description: 'threshold or slo' }),
  definition: Type.Unknown({ description: 'the validated definition: { kind, threshold | null, slo | null, severity, okPeriodsToResolve, flap }' }),
  state: Type.String({ description: 'OK, ALARM or INSUFFICIENT_DATA' }),
  stateReason: Type.String(),
  stateChangedAt: Type.String(),
  flapping: Type.Boolean(),
  percentStateChange: Type.Number({ description: 'weighted state change over the last 21 evaluations (flapping at ≥ flap.high)' }),
  alert: AlertRef,
  ticket: AlertRef,
  budgetRemaining: Nullable(Type.Number({ description: 'slo: share of the error budget left (1 = untouched, ≤ 0 = spent)' })),
  burnRates: Nullable(BurnRates),
  evaluation: Type.Unknown({ description: 'the last evaluation: periodEnd, values (threshold), breaching, evaluated, okStreak, slo figures' }),
  nextCheckAt: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

export const AlarmListQuery = Type.Object({ serviceId: Type.Optional(Type.String()), teamId: Type.Optional(Type.String()) })

export const HistoryJson = Type.Object({ at: Type.String(), from: Type.String(), to: Type.String(), reason: Type.String() })

export const SuggestionQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 35, description: 'look-back in days (default 30; at most the 35-day retention)' })),
  targetAlertsPerWeek: Type.Optional(Type.Number({ minimum: 0, maximum: 1000, description: 'acceptable alerts a week (default 1)' })),
})

export const SuggestionJson = Type.Object({
  alarmId: Type.String(),
  comparison: Type.String(),
  currentThreshold: Type.Number(),
  suggested: Type.Number(),
  firesPerWeekAtCurrent: Type.Number(),
  firesPerWeekAtSuggested: Type.Number(),
  catchesActionable: Type.Integer(),
  missesActionable: Type.Integer(),
  because: Type.String(),
  from: Type.String(),
  to: Type.String(),
  periods: Type.Integer(),
  actionableWindows: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
  targetAlertsPerWeek: Type.Number(),
})

export const SeriesQuery = Type.Object({ from: Type.Optional(Rfc3339), to: Type.Optional(Rfc3339) })
export const SeriesJson = Type.Object({
  periodSeconds: Type.Integer(),
  statistic: Type.String(),
  threshold: Type.Number(),
  recoveryThreshold: Nullable(Type.Number()),
  items: Type.Array(Type.Object({ at: Type.String(), value: Nullable(Type.Number()) })),
})

const ReplayRange = {
  from: Type.String({ description: 'RFC 3339; the first evaluation is at the end of the period holding it' }),
  to: Type.String({ description: 'RFC 3339, not in the future; at most 20,160 evaluations in the range' }),
}

/** A proposed alarm (the create body, name optional) and the past range to replay it over. */
export const ReplayProposalBody = Type.Object({ ...AlarmBody.properties, name: Type.Optional(Type.String({ maxLength: 100 })), ...ReplayRange }, { additionalProperties: false })

/** An existing alarm replayed over a past range, optionally with proposed changes. */
export const ReplayAlarmBody = Type.Object({ ...ReplayRange, changes: Type.Optional(AlarmPatch) }, { additionalProperties: false })

export const ReplayJson = Type.Object({
  from: Type.String(),
  to: Type.String(),
  evaluations: Type.Array(Type.Object({ at: Type.String(), state: Type.String(), flapping: Type.Boolean(), reason: Type.String() })),
  transitions: Type.Array(Type.Object({ at: Type.String(), from: Type.String(), to: Type.String(), reason: Type.String() })),
  events: Type.Array(Type.Object({ at: Type.String(), kind: Type.String({ description: 'page, quiet-open (flapping), resolve, ticket, ticket-resolve' }), reason: Type.String() })),
  pages: Type.Integer({ description: 'alerts that would have paged someone' }),
})
