/**
 * A team's on-call health settings: the pure policy (policy.ts) plus what only a stored team
 * has: when the weekly report goes out, and whether an exhausted night-page budget gates
 * non-urgent deploys (an opt-in; the deploy gate reads it through teamNightBudgetStatus).
 * Stored as versioned JSON in team_settings; a team without a row has the defaults.
 */
import { AppError, FieldErrors } from '../../lib/errors.js'
import { parseLocalTime, WEEKDAYS, type Instant, type LocalTime, type Weekday } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import { DEFAULT_ON_CALL_HEALTH_POLICY, normalizeOnCallHealthPolicy, type OnCallHealthPolicy, type OnCallHealthPolicyInput } from './policy.js'

/** When the weekly report is sent to the team channels, in the team's zone. */
export interface WeeklyReportSchedule {
  readonly enabled: boolean
  readonly weekday: Weekday
  readonly time: LocalTime
}

/** Every on-call health setting of a stored team. */
export interface TeamHealthSettings extends OnCallHealthPolicy {
  /** Relieve tired people automatically (the relief rule still decides when). */
  readonly autoRelief: boolean
  readonly weeklyReport: WeeklyReportSchedule
  /** Opt-in: while the budget is spent, the deploy gate denies non-urgent deploys of the services that caused the pages. */
  readonly budgetGatesDeploys: boolean
}

/** Settings as received: anything left out takes the default. */
export interface TeamHealthSettingsInput extends OnCallHealthPolicyInput {
  readonly autoRelief?: boolean | undefined
  readonly weeklyReport?: { readonly enabled?: boolean | undefined; readonly weekday?: string | undefined; readonly time?: string | undefined } | undefined
  readonly budgetGatesDeploys?: boolean | undefined
}

/** Defaults: automatic relief on, the report on Monday 09:00 team time, deploys not gated. */
export const DEFAULT_TEAM_HEALTH_SETTINGS: TeamHealthSettings = Object.freeze({
  ...DEFAULT_ON_CALL_HEALTH_POLICY,
  autoRelief: true,
  weeklyReport: Object.freeze({ enabled: true, weekday: 'mon' as Weekday, time: '09:00' as LocalTime }),
  budgetGatesDeploys: false,
})

/** Validates settings, filling defaults; throws E_VALIDATION listing every bad field by path. */
export function normalizeTeamHealthSettings(input: TeamHealthSettingsInput): TeamHealthSettings {
  const errors = new FieldErrors()
  let policy: OnCallHealthPolicy = DEFAULT_ON_CALL_HEALTH_POLICY
  try {
    policy = normalizeOnCallHealthPolicy(input)
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    for (const f of err.fields) errors.add(f.field, f.reason)
  }
  const d = DEFAULT_TEAM_HEALTH_SETTINGS
  const autoRelief = readFlag(input.autoRelief, d.autoRelief, 'autoRelief', errors)
  const budgetGatesDeploys = readFlag(input.budgetGatesDeploys, d.budgetGatesDeploys, 'budgetGatesDeploys', errors)
  const wr = input.weeklyReport
  const enabled = readFlag(wr?.enabled, d.weeklyReport.enabled, 'weeklyReport.enabled', errors)
  let weekday = d.weeklyReport.weekday
  if (wr?.weekday !== undefined) {
    if (WEEKDAYS.includes(wr.weekday as Weekday)) weekday = wr.weekday as Weekday
    else errors.add('weeklyReport.weekday', `must be one of ${WEEKDAYS.join(', ')}`)
  }
  let time = d.weeklyReport.time
  if (wr?.time !== undefined) {
    const t = typeof wr.time === 'string' ? parseLocalTime(wr.time) : null
    if (t === null) errors.add('weeklyReport.time', 'must be a time of day "HH:MM" (24h)')
    else time = t
  }
  errors.throwIfAny()
  return { ...policy, autoRelief, weeklyReport: { enabled, weekday, time }, budgetGatesDeploys }
}

function readFlag(value: boolean | undefined, fallback: boolean, field: string, errors: FieldErrors): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') {
    errors.add(field, 'must be true or false')
    return fallback
  }
  return value
}

/** Loads a team's settings; defaults when the team never saved any. */
export async function loadTeamHealthSettings(db: Db, teamId: string): Promise<TeamHealthSettings> {
  const row = await db.selectFrom('team_settings').select('settings_json').where('team_id', '=', teamId).executeTakeFirst()
  if (row === undefined) return DEFAULT_TEAM_HEALTH_SETTINGS
  // Stored settings were valid when saved; normalizing again fills defaults added since.
  return normalizeTeamHealthSettings(JSON.parse(row.settings_json) as TeamHealthSettingsInput)
}

/** Replaces a team's settings (anything left out returns to its default), audited. */
export async function saveTeamHealthSettings(ctx: CommandCtx, teamId: string, input: TeamHealthSettingsInput): Promise<TeamHealthSettings> {
  const settings = normalizeTeamHealthSettings(input)
  const before = await loadTeamHealthSettings(ctx.db, teamId)
  const json = JSON.stringify(settings)
  const exists = await ctx.db.selectFrom('team_settings').select('team_id').where('team_id', '=', teamId).executeTakeFirst()
  if (exists === undefined) await ctx.db.insertInto('team_settings').values({ team_id: teamId, settings_json: json, updated_at: ctx.now }).execute()
  else await ctx.db.updateTable('team_settings').set({ settings_json: json, updated_at: ctx.now }).where('team_id', '=', teamId).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'team.oncall-health-settings.update', entityType: 'team', entityId: teamId, teamId, before, after: settings })
  return settings
}

/** A team's settings and when they were last saved (null: the defaults, never saved). */
export interface TeamHealthSettingsRecord {
  readonly settings: TeamHealthSettings
  readonly updatedAt: Instant | null
}

/** Loads a team's settings with their save time. */
export async function loadTeamHealthSettingsRecord(db: Db, teamId: string): Promise<TeamHealthSettingsRecord> {
  const row = await db.selectFrom('team_settings').select(['settings_json', 'updated_at']).where('team_id', '=', teamId).executeTakeFirst()
  if (row === undefined) return { settings: DEFAULT_TEAM_HEALTH_SETTINGS, updatedAt: null }
  return { settings: normalizeTeamHealthSettings(JSON.parse(row.settings_json) as TeamHealthSettingsInput), updatedAt: row.updated_at }
}
