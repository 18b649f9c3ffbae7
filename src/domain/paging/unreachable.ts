import { applyEvent, type Alert } from '../alerts/index.js'
import { getService } from '../services/index.js'
import { listTeamMembers } from '../teams/index.js'
import { findUser } from '../users/index.js'
import { ENGINE_ACTOR, logPaging, type PagingCtx } from './context.js'

/** Alerts raised about unreachable people carry this origin, and never raise another. */
export const UNREACHABLE_ORIGIN = 'system:unreachable'

/**
 * A person could not be reached at all (no usable method, or every message dead-lettered): the
 * team's admins are paged directly about it, once per alert and person.
 */
export async function raiseUnreachable(ctx: PagingCtx, alert: Alert, userId: string, why: string): Promise<void> {
  if (alert.origin === UNREACHABLE_ORIGIN) return
  const service = await getService(ctx.db, alert.serviceId)
  const user = await findUser(ctx.db, userId)
  const admins = (await listTeamMembers(ctx.db, service.teamId)).filter((m) => m.role === 'admin' && m.userId !== userId).map((m) => m.userId)
  const targets = admins.length > 0 ? admins : (await ctx.db.selectFrom('users').select('id').where('is_admin', '=', 1).where('id', '<>', userId).execute()).map((r) => r.id)
  const name = user?.name ?? userId
  await logPaging(ctx, alert.id, 'notification_failed', `${name} could not be reached (${why}); paging the team's admins`, { userId })
  if (targets.length === 0) return
  await applyEvent(
    ctx.db,
    ctx.now,
    ENGINE_ACTOR,
    service,
    {
      action: 'trigger',
      dedupKey: `unreachable:${alert.id}:${userId}`,
      summary: `Could not reach ${name} for "${alert.summary}"`,
      source: 'tend',
      severity: alert.urgency === 'high' ? 'critical' : 'warning',
      // As urgent as what could not be delivered: a missed low-urgency message must not wake admins.
      urgency: alert.urgency,
      details: { alertId: alert.id, userId, why },
      links: [{ href: `${ctx.publicUrl}/alerts/${alert.id}`, text: 'The alert nobody was told about' }],
    },
    { origin: UNREACHABLE_ORIGIN, urgencyOverride: alert.urgency, directTargets: targets },
  )
}
