import { claimDueTeamMessages, endDueReliefs, ON_CALL_HEALTH_ACTOR, processNewPages, recordTeamDelivery, sendDueWeeklyReports, type PageCursor, type TeamMessage } from '../../domain/oncall-health/index.js'
import type { Destination, OutboundMessage } from '../../domain/notify/index.js'
import { MINUTE_MS } from '../../lib/time/index.js'
import type { Tx } from '../../storage/index.js'
import { SECONDLY_MS, type EngineModule } from '../module.js'
import type { PagingDeps } from './deps.js'

const NAME = 'engine.oncall-health'
const CURSOR_KEY = `${NAME}.pages`
/** Team messages sent per cycle. */
const SEND_BATCH = 50

interface Outgoing {
  readonly m: TeamMessage
  readonly message: OutboundMessage
  readonly to: Destination
  readonly type: 'email' | 'slack' | 'webhook'
}

/**
 * On-call health, at most once a second, after the outbox sender so it sees the pages sent:
 * newly sent pages → sleep-in notices, automatic relief (or admins paged when nobody is
 * eligible) and the pager-budget follow-up; reliefs whose period is over → ended; weekly
 * reports due → queued (checked once a minute). Then it sends the team channels' own outbox.
 * Idle cost: one indexed query for new pages, one for due reliefs, one for due team messages.
 * The page cursor lives in engine_state; everything else compares with rows it wrote before.
 */
export function oncallHealthManager(deps: PagingDeps): EngineModule {
  let lastReportMinute = Number.NaN
  return {
    name: NAME,
    version: 1,
    minIntervalMs: SECONDLY_MS,
    async run(ctx) {
      const now = ctx.clock.now()
      const checkReports = Math.floor(now / MINUTE_MS) !== lastReportMinute
      const { outgoing, worked } = await ctx.storage.withModuleLock(NAME, 1, async (trx) => {
        const cursor = await readCursor(trx)
        const run = await processNewPages({ db: trx, now, actor: ON_CALL_HEALTH_ACTOR, secrets: deps.secrets, publicUrl: deps.publicUrl }, cursor)
        if (cursor === null || run.cursor.at !== cursor.at || run.cursor.seen.join() !== cursor.seen.join()) await writeCursor(trx, run.cursor, now)
        if (run.pages > 0) ctx.log.info({ pages: run.pages, sleepIns: run.sleepIns, reliefs: run.reliefs, budgetFollowUps: run.budgetFollowUps }, 'on-call health: new pages processed')
        const ended = await endDueReliefs(trx, now)
        if (ended > 0) ctx.log.info({ ended }, 'on-call health: reliefs ended')
        const reports = checkReports ? await sendDueWeeklyReports(trx, now) : 0
        if (reports > 0) ctx.log.info({ reports }, 'on-call health: weekly reports queued')
        const claimed = await claimDueTeamMessages(trx, now, now + deps.sendTimeoutMs * 2 + 5_000, SEND_BATCH)
        return { outgoing: await Promise.all(claimed.map((m) => prepare(trx, m))), worked: run.sleepIns + run.reliefs.length + run.budgetFollowUps + ended > 0 }
      })
      if (checkReports) lastReportMinute = Math.floor(now / MINUTE_MS)
      // Person notices were queued in the notifications outbox: send them without waiting a tick.
      if (worked) deps.wakeOutbox()
      if (outgoing.length === 0) return
      const results = await Promise.all(
        outgoing.map(async (o) => (o.to.address === '' ? { ok: false as const, permanent: true, error: 'the channel was removed' } : deps.channels.send(o.type, o.message, o.to, AbortSignal.timeout(deps.sendTimeoutMs)))),
      )
      await ctx.storage.db.transaction().execute(async (trx) => {
        for (const [i, o] of outgoing.entries()) {
          const r = results[i]
          if (r === undefined) continue
          const status = await recordTeamDelivery(trx, ctx.clock.now(), o.m, r.ok ? { ok: true } : r, Math.random())
          if (status === 'dead') ctx.log.warn({ teamId: o.m.teamId, channelId: o.m.channelId, kind: o.m.kind, error: r.ok ? null : r.error }, 'team message dead-lettered')
        }
      })
      if (outgoing.length === SEND_BATCH) deps.wakeOutbox()
    },
  }

  async function prepare(trx: Tx, m: TeamMessage): Promise<Outgoing> {
    const ch = await trx.selectFrom('team_channels').innerJoin('teams', 'teams.id', 'team_channels.team_id').select(['team_channels.type', 'team_channels.address_sealed', 'team_channels.signing_secret_sealed', 'teams.name']).where('team_channels.id', '=', m.channelId).executeTakeFirst()
    const to: Destination = ch === undefined ? { address: '', signingSecret: null } : { address: deps.secrets.decrypt(ch.address_sealed), signingSecret: ch.signing_secret_sealed === null ? null : deps.secrets.decrypt(ch.signing_secret_sealed) }
    const message: OutboundMessage = {
      id: m.id,
      idempotencyKey: m.idempotencyKey,
      kind: `team.${m.kind}`,
      urgency: 'low',
      subject: m.subject,
      text: m.text,
      payload: { team: { id: m.teamId, name: ch?.name ?? m.teamId }, oncallHealth: m.payload },
      links: { view: `${deps.publicUrl}/teams/${m.teamId}` },
    }
    return { m, message, to, type: (ch?.type ?? 'webhook') as Outgoing['type'] }
  }
}

async function readCursor(trx: Tx): Promise<PageCursor | null> {
  const row = await trx.selectFrom('engine_state').select('value_json').where('name', '=', CURSOR_KEY).executeTakeFirst()
  if (row === undefined) return null
  const v = JSON.parse(row.value_json) as Partial<PageCursor>
  return typeof v.at === 'number' ? { at: v.at, seen: Array.isArray(v.seen) ? v.seen.filter((x): x is string => typeof x === 'string') : [] } : null
}

async function writeCursor(trx: Tx, cursor: PageCursor, now: number): Promise<void> {
  const value_json = JSON.stringify(cursor)
  await trx
    .insertInto('engine_state')
    .values({ name: CURSOR_KEY, value_json, updated_at: now })
    .onConflict((c) => c.column('name').doUpdateSet({ value_json, updated_at: now }))
    .execute()
}
