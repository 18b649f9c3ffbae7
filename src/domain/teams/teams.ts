import { conflict, FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { isValidTimeZone, type Instant } from '../../lib/time/index.js'
import type { Db, TeamsTable } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import { TEAM_ROLES, type TeamRole } from '../auth/index.js'
import type { CommandCtx } from '../command.js'

export interface Team {
  readonly id: string
  readonly name: string
  readonly description: string
  /** The team's home zone: team notices and follow-ups are due in its working hours. */
  readonly timeZone: string
  readonly isDemo: boolean
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

export interface TeamMember {
  readonly userId: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
  readonly role: TeamRole
}

export interface TeamInput {
  readonly name?: string | undefined
  readonly description?: string | undefined
  readonly timeZone?: string | undefined
}

const fromRow = (r: TeamsTable): Team => ({
  id: r.id,
  name: r.name,
  description: r.description,
  timeZone: r.time_zone,
  isDemo: r.is_demo === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export async function findTeam(db: Db, ref: string): Promise<Team | null> {
  const row = await db.selectFrom('teams').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
  return row === undefined ? null : fromRow(row)
}

export async function getTeam(db: Db, ref: string): Promise<Team> {
  const team = await findTeam(db, ref)
  if (team === null) throw notFound('team', ref)
  return team
}

export async function listTeams(db: Db): Promise<Team[]> {
  return (await db.selectFrom('teams').selectAll().orderBy('name').execute()).map(fromRow)
}

export async function listTeamMembers(db: Db, teamId: string): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.time_zone', 'team_members.role'])
    .where('team_members.team_id', '=', teamId)
    .orderBy('users.name')
    .execute()
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, timeZone: r.time_zone, role: r.role as TeamRole }))
}

function normalizeTeam(input: TeamInput): { name: string; description: string; timeZone: string } {
  const errors = new FieldErrors()
  const name = (input.name ?? '').trim()
  if (name === '') errors.add('name', 'must not be empty')
  else if (name.length > 100) errors.add('name', 'must be at most 100 characters')
  const timeZone = input.timeZone ?? 'UTC'
  if (!isValidTimeZone(timeZone)) errors.add('timeZone', `unknown time zone ${JSON.stringify(timeZone)} (use an IANA name such as Europe/Berlin)`)
  const description = (input.description ?? '').trim()
  if (description.length > 2000) errors.add('description', 'must be at most 2000 characters')
  errors.throwIfAny()
  return { name, description, timeZone }
}

async function assertNameFree(db: Db, name: string, exceptId: string | null): Promise<void> {
  const row = await db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst()
  if (row !== undefined && row.id !== exceptId) {
    const errors = new FieldErrors()
    errors.add('name', `a team named ${JSON.stringify(name)} already exists`)
    errors.throwIfAny()
  }
}

export async function createTeam(ctx: CommandCtx, input: TeamInput & { isDemo?: boolean }): Promise<Team> {
  const t = normalizeTeam(input)
  await assertNameFree(ctx.db, t.name, null)
  const id = newId()
  await ctx.db
    .insertInto('teams')
    .values({ id, name: t.name, description: t.description, time_zone: t.timeZone, is_demo: input.isDemo === true ? 1 : 0, created_at: ctx.now, updated_at: ctx.now })
    .execute()
  const team = await getTeam(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'team.create', entityType: 'team', entityId: id, teamId: id, after: team })
  return team
}

export async function updateTeam(ctx: CommandCtx, id: string, patch: TeamInput): Promise<Team> {
  const before = await getTeam(ctx.db, id)
  const t = normalizeTeam({ name: patch.name ?? before.name, description: patch.description ?? before.description, timeZone: patch.timeZone ?? before.timeZone })
  await assertNameFree(ctx.db, t.name, id)
  await ctx.db.updateTable('teams').set({ name: t.name, description: t.description, time_zone: t.timeZone, updated_at: ctx.now }).where('id', '=', id).execute()
  const after = await getTeam(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'team.update', entityType: 'team', entityId: id, teamId: id, before, after })
  return after
}

/** Deletes a team that owns no services or schedules (their pager would silently vanish). */
export async function deleteTeam(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getTeam(ctx.db, id)
  const svc = await ctx.db.selectFrom('services').select('name').where('team_id', '=', id).executeTakeFirst()
  if (svc !== undefined) throw conflict(`team ${before.name} still owns service ${svc.name}; move or delete it first`)
  const sch = await ctx.db.selectFrom('schedules').select('name').where('team_id', '=', id).executeTakeFirst()
  if (sch !== undefined) throw conflict(`team ${before.name} still owns schedule ${sch.name}; move or delete it first`)
  await ctx.db.deleteFrom('teams').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'team.delete', entityType: 'team', entityId: id, teamId: id, before })
}

/** Adds a member or changes their role. */
export async function setTeamMember(ctx: CommandCtx, teamId: string, userId: string, role: string): Promise<TeamMember> {
  await getTeam(ctx.db, teamId)
  if (!TEAM_ROLES.includes(role as TeamRole)) {
    const errors = new FieldErrors()
    errors.add('role', `must be one of ${TEAM_ROLES.join(', ')}, got ${JSON.stringify(role)}`)
    errors.throwIfAny()
  }
  const user = await ctx.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()
  if (user === undefined) {
    const errors = new FieldErrors()
    errors.add('userId', `user ${userId} does not exist`)
    errors.throwIfAny()
  }
  const existing = await ctx.db.selectFrom('team_members').select('role').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst()
  if (existing === undefined) {
    await ctx.db.insertInto('team_members').values({ team_id: teamId, user_id: userId, role, created_at: ctx.now }).execute()
  } else {
    await ctx.db.updateTable('team_members').set({ role }).where('team_id', '=', teamId).where('user_id', '=', userId).execute()
  }
  await recordAudit(ctx.db, ctx.now, {
    actor: ctx.actor,
    action: existing === undefined ? 'team.member.add' : 'team.member.update',
    entityType: 'team',
    entityId: teamId,
    teamId,
    before: existing === undefined ? undefined : { userId, role: existing.role },
    after: { userId, role },
  })
  const member = (await listTeamMembers(ctx.db, teamId)).find((m) => m.userId === userId)
  if (member === undefined) throw new Error('member vanished after insert')
  return member
}

export async function removeTeamMember(ctx: CommandCtx, teamId: string, userId: string): Promise<void> {
  const existing = await ctx.db.selectFrom('team_members').select('role').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst()
  if (existing === undefined) throw notFound('team member', userId)
  await ctx.db.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'team.member.remove', entityType: 'team', entityId: teamId, teamId, before: { userId, role: existing.role } })
}
