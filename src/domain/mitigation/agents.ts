import { FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { hashSecret, randomToken } from '../../lib/secrets.js'
import type { Instant } from '../../lib/time/index.js'
import type { AgentsTable, Db } from '../../storage/index.js'
import { recordAudit, type Actor } from '../audit/index.js'

/** Agent tokens look like `tend_agt_<32 base62>`; like API tokens they are stored hashed. */
export const AGENT_TOKEN_PREFIX = 'tend_agt_'

export interface Agent {
  readonly id: string
  readonly teamId: string
  readonly name: string
  readonly tokenPrefix: string
  /** Command names from the agent's own allow-list, as it last reported them. */
  readonly commands: readonly string[]
  readonly lastSeenAt: Instant | null
  readonly createdAt: Instant
}

const fromRow = (r: AgentsTable): Agent => ({
  id: r.id,
  teamId: r.team_id,
  name: r.name,
  tokenPrefix: r.token_prefix,
  commands: JSON.parse(r.commands_json) as string[],
  lastSeenAt: r.last_seen_at,
  createdAt: r.created_at,
})

export async function createAgent(db: Db, now: Instant, actor: Actor, teamId: string, name: string): Promise<{ agent: Agent; token: string }> {
  const errors = new FieldErrors()
  if (name.trim() === '' || name.length > 100) errors.add('name', 'must be 1 to 100 characters')
  errors.throwIfAny()
  const token = `${AGENT_TOKEN_PREFIX}${randomToken(32)}`
  const id = newId()
  await db
    .insertInto('agents')
    .values({ id, team_id: teamId, name: name.trim(), token_hash: hashSecret(token), token_prefix: token.slice(0, AGENT_TOKEN_PREFIX.length + 4), commands_json: '[]', last_seen_at: null, created_at: now })
    .execute()
  const agent = fromRow(await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
  await recordAudit(db, now, { actor, action: 'agent.create', entityType: 'agent', entityId: id, teamId, after: agent })
  return { agent, token }
}

export async function listAgents(db: Db, teamId?: string): Promise<Agent[]> {
  let q = db.selectFrom('agents').selectAll().orderBy('name')
  if (teamId !== undefined) q = q.where('team_id', '=', teamId)
  return (await q.execute()).map(fromRow)
}

export async function deleteAgent(db: Db, now: Instant, actor: Actor, id: string): Promise<void> {
  const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw notFound('agent', id)
  await db.deleteFrom('agents').where('id', '=', id).execute()
  await recordAudit(db, now, { actor, action: 'agent.delete', entityType: 'agent', entityId: id, teamId: row.team_id, before: fromRow(row) })
}

/** Resolves an agent token, or null when unknown. */
export async function authenticateAgent(db: Db, token: string): Promise<Agent | null> {
  if (!token.startsWith(AGENT_TOKEN_PREFIX) || token.length > 200) return null
  const row = await db.selectFrom('agents').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst()
  return row === undefined ? null : fromRow(row)
}

/** Records that the agent is alive and which commands its allow-list declares. */
export async function agentSeen(db: Db, now: Instant, agentId: string, commands?: readonly string[]): Promise<void> {
  await db
    .updateTable('agents')
    .set({ last_seen_at: now, ...(commands === undefined ? {} : { commands_json: JSON.stringify([...new Set(commands)].sort()) }) })
    .where('id', '=', agentId)
    .execute()
}

export interface AgentJob {
  readonly id: string
  readonly command: string
  readonly timeoutSeconds: number
}

/** Hands the agent its oldest queued job that has not passed its deadline (claimed atomically). */
export async function claimJob(db: Db, now: Instant, agentId: string): Promise<AgentJob | null> {
  const next = await db
    .selectFrom('agent_jobs')
    .select(['id', 'command', 'timeout_seconds'])
    .where('agent_id', '=', agentId)
    .where('status', '=', 'queued')
    .where('deadline_at', '>', now)
    .orderBy('created_at')
    .executeTakeFirst()
  if (next === undefined) return null
  const res = await db.updateTable('agent_jobs').set({ status: 'claimed', claimed_at: now }).where('id', '=', next.id).where('status', '=', 'queued').executeTakeFirst()
  if (Number(res.numUpdatedRows) === 0) return null
  return { id: next.id, command: next.command, timeoutSeconds: next.timeout_seconds }
}

/** An agent's report of one job; output is kept to its last 8 KiB. */
export async function reportJob(db: Db, now: Instant, agentId: string, jobId: string, result: { status: 'succeeded' | 'failed' | 'refused'; exitCode: number | null; output: string }): Promise<void> {
  const row = await db.selectFrom('agent_jobs').select(['status']).where('id', '=', jobId).where('agent_id', '=', agentId).executeTakeFirst()
  if (row === undefined) throw notFound('job', jobId)
  // A late report after the job timed out is kept for the record but changes nothing.
  if (row.status !== 'claimed' && row.status !== 'queued') return
  await db
    .updateTable('agent_jobs')
    .set({ status: result.status, exit_code: result.exitCode, output: result.output.slice(-8192), finished_at: now })
    .where('id', '=', jobId)
    .execute()
}
