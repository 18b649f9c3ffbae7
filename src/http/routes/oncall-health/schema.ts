/** Request and response schemas of the on-call health routes (settings, channels, reliefs, reports). */
import { Type } from 'typebox'
import { Nullable } from '../common.js'

const Recovery = Type.Object(
  { mode: Type.Optional(Type.String({ description: "'recovery-period' (default) or 'end-of-shift'" })), hours: Type.Optional(Type.Number({ description: 'recovery-period only: 1–336 (default 48)' })) },
  { additionalProperties: false },
)

/** PUT body: every field optional; anything left out returns to its default. */
export const SettingsBody = Type.Object(
  {
    wakeUpSpanMinutes: Type.Optional(Type.Number({ description: 'sleep-hours pages within this many minutes of the first are one wake-up (0–180, default 30)' })),
    sleepIn: Type.Optional(
      Type.Object(
        { mode: Type.Optional(Type.String({ description: "'next-working-day-later' (default) or 'after-wake-up'" })), hours: Type.Optional(Type.Number({ description: '0–24, default 3' })) },
        { additionalProperties: false },
      ),
    ),
    relief: Type.Optional(
      Type.Object(
        {
          wakeUpsPerNight: Type.Optional(Type.Number({ description: '1–20, default 2' })),
          wakeUpsPerWeek: Type.Optional(Type.Number({ description: 'in 7 days, 1–100, default 4' })),
          recovery: Type.Optional(Recovery),
        },
        { additionalProperties: false },
      ),
    ),
    nightPageBudget: Type.Optional(Type.Number({ description: 'sleep-hours wake-ups per on-call week, 0–50, default 2' })),
    compensation: Type.Optional(
      Type.Object(
        { factor: Type.Optional(Type.Number({ description: 'multiplier on engaged off-hours time, 0–10, default 1.5' })), countSleepHoursPagesAsMinutes: Type.Optional(Type.Number({ description: 'minutes credited per wake-up, 0–1440, default 60' })) },
        { additionalProperties: false },
      ),
    ),
    autoRelief: Type.Optional(Type.Boolean({ description: 'relieve tired people automatically (default true)' })),
    weeklyReport: Type.Optional(
      Type.Object(
        {
          enabled: Type.Optional(Type.Boolean()),
          weekday: Type.Optional(Type.String({ description: 'mon … sun (default mon)' })),
          time: Type.Optional(Type.String({ description: 'HH:MM in the team zone (default 09:00)' })),
        },
        { additionalProperties: false },
      ),
    ),
    budgetGatesDeploys: Type.Optional(Type.Boolean({ description: 'while the night-page budget is spent, the deploy gate denies non-urgent deploys of the services that caused the pages (default false)' })),
  },
  { additionalProperties: false },
)

export const SettingsJson = Type.Object({
  teamId: Type.String(),
  wakeUpSpanMinutes: Type.Number(),
  sleepIn: Type.Object({ mode: Type.String(), hours: Type.Number() }),
  relief: Type.Object({ wakeUpsPerNight: Type.Number(), wakeUpsPerWeek: Type.Number(), recovery: Type.Object({ mode: Type.String(), hours: Type.Optional(Type.Number()) }) }),
  nightPageBudget: Type.Number(),
  compensation: Type.Object({ factor: Type.Number(), countSleepHoursPagesAsMinutes: Type.Number() }),
  autoRelief: Type.Boolean(),
  weeklyReport: Type.Object({ enabled: Type.Boolean(), weekday: Type.String(), time: Type.String() }),
  budgetGatesDeploys: Type.Boolean(),
  updatedAt: Nullable(Type.String({ description: 'null while the team uses the defaults' })),
})

export const ChannelBody = Type.Object(
  { type: Type.String({ description: 'email, slack or webhook' }), address: Type.String({ maxLength: 4096, description: 'email address or http(s) URL' }), label: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
)
export const ChannelPatch = Type.Object({ address: Type.Optional(Type.String({ maxLength: 4096 })), label: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false })
export const ChannelJson = Type.Object({
  id: Type.String(),
  teamId: Type.String(),
  type: Type.String(),
  label: Type.String(),
  address: Type.String({ description: 'whole for team admins; masked (first 8 and last 4 characters) for others' }),
  createdAt: Type.String(),
  signingSecret: Type.Optional(Type.String({ description: 'webhooks: the x-tend-signature key; shown once, on creation' })),
})
export const ChannelParams = Type.Object({ id: Type.String(), channelId: Type.String() })

export const TeamMessageJson = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  kind: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  status: Type.String({ description: 'pending, sending, sent or dead' }),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
})

const PersonRef = Type.Object({ id: Type.String(), name: Type.String(), timeZone: Type.String() })

export const ReliefJson = Type.Object({
  id: Type.String(),
  teamId: Type.String(),
  scheduleId: Type.String(),
  scheduleName: Type.String(),
  tired: PersonRef,
  replacement: Nullable(PersonRef),
  overrideId: Nullable(Type.String()),
  start: Type.String(),
  end: Type.String(),
  status: Type.String({ description: 'active, needed (nobody eligible: the tired person kept the pager), declined, taken_over or ended' }),
  reason: Type.String({ description: 'why relief was due, with the wake-up times in the tired person’s zone' }),
  night: Type.String({ description: 'the local date the night began (tired person’s zone)' }),
  outcomeNote: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})
export const ReliefListQuery = Type.Object({
  teamId: Type.Optional(Type.String()),
  userId: Type.Optional(Type.String({ description: 'tired person or replacement' })),
  status: Type.Optional(Type.String()),
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
})
export const DeclineBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })
export const TakeOverBody = Type.Object({ userId: Type.Optional(Type.String({ description: 'team admins may hand it to someone else; default: yourself' })) }, { additionalProperties: false })
export const ReliefActionJson = Type.Object({
  relief: ReliefJson,
  outcome: Type.String({ description: "'reassigned' (someone else took the rest), 'tired-keeps-pager' (nobody could) or 'taken-over'" }),
  message: Type.String(),
})

export const SleepInJson = Type.Object({
  id: Type.String(),
  user: PersonRef,
  teamId: Type.String(),
  night: Type.String(),
  wokenAt: Type.String(),
  expectedStartAt: Type.String(),
  message: Type.String(),
  createdAt: Type.String(),
})
export const DayQuery = Type.Object({ day: Type.Optional(Type.String({ description: 'YYYY-MM-DD in the team zone (default today)' })) })
export const RangeQuery = Type.Object({ from: Type.Optional(Type.String({ description: 'RFC 3339; default 28 days before `to`' })), to: Type.Optional(Type.String({ description: 'RFC 3339; default now' })) })
export const WeekQuery = Type.Object({
  week: Type.Optional(Type.String({ description: 'ISO week YYYY-Www; default the last complete week in the team zone' })),
  format: Type.Optional(Type.String({ description: 'json (default) or text' })),
})

const Heatmap = Type.Object({ weekdays: Type.Array(Type.String()), counts: Type.Array(Type.Array(Type.Integer())), total: Type.Integer() })
const Figures = {
  pages: Type.Integer(),
  sleepHoursPages: Type.Integer(),
  offHoursPages: Type.Integer(),
  workingHoursPages: Type.Integer(),
  wakeUps: Type.Integer(),
  nightsDisturbed: Type.Integer(),
  incidents: Type.Integer(),
  incidentsPer12hShift: Nullable(Type.Number()),
  overIncidentBar: Type.Boolean(),
  onCallShare: Type.Number(),
  overOnCallShareBar: Type.Boolean(),
  onCallHours: Type.Number(),
  engagedMinutes: Type.Number(),
  engagedOffHoursMinutes: Type.Number(),
  acknowledged: Type.Integer(),
  meanTimeToAckSeconds: Nullable(Type.Number()),
  heatmap: Heatmap,
}
export const BudgetJson = Type.Object({
  teamId: Type.String(),
  budget: Type.Integer(),
  spent: Type.Integer(),
  remaining: Type.Integer(),
  exhausted: Type.Boolean(),
  weekStart: Type.String(),
  gatesDeploys: Type.Boolean(),
  causedBy: Type.Array(Type.Object({ serviceId: Type.String(), serviceName: Type.String(), wakeUps: Type.Integer(), alerts: Type.Integer() })),
  summary: Type.String(),
})
export const RecommendationJson = Type.Object({
  code: Type.String(),
  severity: Type.String(),
  message: Type.String(),
  figures: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
  source: Type.String(),
})
export const ReportJson = Type.Object({
  team: Type.Object({ id: Type.String(), name: Type.String(), timeZone: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  generatedAt: Type.String(),
  people: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), timeZone: Type.String(), longestOnCallHours: Type.Number(), ...Figures })),
  totals: Type.Object({ people: Type.Integer(), nightsDisturbedPerWeek: Type.Number(), coveredHours: Type.Number(), ...Figures }),
  wakeUps: Type.Array(Type.Object({ userId: Type.String(), timeZone: Type.String(), night: Type.String(), start: Type.String(), end: Type.String(), alertIds: Type.Array(Type.String()) })),
  reliefs: Type.Array(ReliefJson),
  sleepIns: Type.Array(SleepInJson),
  budget: BudgetJson,
  recommendations: Type.Array(RecommendationJson),
  rotation: Type.Object({
    people: Type.Integer(),
    sites: Type.Array(Type.Object({ zone: Type.String(), people: Type.Integer() })),
    tiers: Type.Integer(),
    coverage: Type.String(),
    neededPerSite: Type.Integer(),
    needed: Type.Integer(),
    shortSites: Type.Array(Type.Object({ zone: Type.String(), people: Type.Integer() })),
    basis: Type.String(),
    text: Type.String(),
  }),
  sources: Type.Array(Type.String()),
})
export const WeeklyReportJson = Type.Object({
  week: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  report: ReportJson,
  compensation: Type.Array(
    Type.Object({
      userId: Type.String(),
      name: Type.String(),
      engagedOffHoursMinutes: Type.Number(),
      sleepHoursWakeUps: Type.Integer(),
      factor: Type.Number(),
      engagedCreditMinutes: Type.Number(),
      wakeUpCreditMinutes: Type.Number(),
      minutesInLieu: Type.Number(),
    }),
  ),
})
