import { deleteAlertsOfServices } from '../domain/alerts/index.js'
import { recordAudit } from '../domain/audit/index.js'
import { createSchedule } from '../domain/schedules/index.js'
import { createService } from '../domain/services/index.js'
import { createTeam, setTeamMember } from '../domain/teams/index.js'
import { addContactMethod, addNotificationRule, createUser, listContactMethods } from '../domain/users/index.js'
import type { CommandCtx } from '../domain/command.js'
import type { SecretBox } from '../lib/secrets.js'
import { addLocalDays, formatInstant, localDateOf, localTime, localToInstant, weekdayOf, WEEKDAYS, type Instant } from '../lib/time/index.js'
import type { Storage } from '../storage/index.js'

/** Demo people: three in Berlin, two in New York, so follow-the-sun and sleep hours show. */
const PEOPLE = [
  { name: 'Lena Fischer', email: 'lena@demo.tend.localhost', timeZone: 'Europe/Berlin', role: 'admin' },
  { name: 'Jonas Becker', email: 'jonas@demo.tend.localhost', timeZone: 'Europe/Berlin', role: 'responder' },
  { name: 'Amira Haddad', email: 'amira@demo.tend.localhost', timeZone: 'Europe/Berlin', role: 'responder' },
  { name: 'Maya Johnson', email: 'maya@demo.tend.localhost', timeZone: 'America/New_York', role: 'responder' },
  { name: 'Carlos Rivera', email: 'carlos@demo.tend.localhost', timeZone: 'America/New_York', role: 'responder' },
] as const

export const DEMO_TEAM_NAME = 'Checkout (demo)'

const DEMO_ACTOR = { userId: null, label: 'system:demo' }

/**
 * Seeds a realistic sample, every row flagged as demo: a team of five in two zones, a weekly
 * 24/7 rotation under a follow-the-sun pair of business-hours layers, three services that
 * depend on each other, and notification rules. Does nothing when the demo is already there.
 */
export async function seedDemo(deps: { storage: Storage; secrets: SecretBox; now: Instant }): Promise<{ seeded: boolean }> {
  return deps.storage.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('teams').select('id').where('is_demo', '=', 1).executeTakeFirst()
    if (existing !== undefined) return { seeded: false }
    const ctx: CommandCtx = { db: trx, now: deps.now, actor: DEMO_ACTOR, secrets: deps.secrets }
    const team = await createTeam(ctx, { name: DEMO_TEAM_NAME, timeZone: 'Europe/Berlin', description: 'Demo data: remove it with `tend demo remove`.', isDemo: true })
    const people = []
    for (const p of PEOPLE) {
      const user = await createUser(ctx, { name: p.name, email: p.email, timeZone: p.timeZone, isDemo: true })
      await setTeamMember(ctx, team.id, user.id, p.role)
      await giveDemoChannels(ctx, user.id, p.email)
      people.push({ ...p, id: user.id })
    }

    const ledger = await createService(ctx, { name: 'ledger-db (demo)', teamId: team.id, description: 'Demo: the payments ledger database.', isDemo: true })
    const payments = await createService(ctx, { name: 'payments-api (demo)', teamId: team.id, description: 'Demo: card payments; depends on the ledger.', dependsOn: [ledger.id], isDemo: true })
    await createService(ctx, { name: 'checkout-web (demo)', teamId: team.id, description: 'Demo: the checkout site; depends on payments.', dependsOn: [payments.id], isDemo: true })

    // Rotations started four weeks ago on a Monday, so history and the coming weeks both show.
    const monday = mondayBefore(deps.now, 'Europe/Berlin', 28)
    const startsAt = formatInstant(localToInstant('Europe/Berlin', monday, localTime('09:00')))
    const weekdays = WEEKDAYS.slice(0, 5)
    const berlin = people.filter((p) => p.timeZone === 'Europe/Berlin').map((p) => p.id)
    const newYork = people.filter((p) => p.timeZone === 'America/New_York').map((p) => p.id)
    await createSchedule(ctx, {
      name: 'Checkout primary (demo)',
      teamId: team.id,
      timeZone: 'Europe/Berlin',
      description: 'Demo: nights and weekends rotate weekly across everyone; weekday business hours follow the sun.',
      isDemo: true,
      layers: [
        { name: 'Weekly 24/7', startsAt, shiftLength: 1, shiftUnit: 'weeks', handoffTime: '09:00', members: people.map((p) => p.id) },
        { name: 'Berlin business hours', timeZone: 'Europe/Berlin', startsAt, shiftLength: 1, shiftUnit: 'days', handoffTime: '08:00', members: berlin, restrictions: [{ days: weekdays, start: '08:00', end: '17:00' }] },
        { name: 'New York business hours', timeZone: 'America/New_York', startsAt, shiftLength: 1, shiftUnit: 'days', handoffTime: '08:00', members: newYork, restrictions: [{ days: weekdays, start: '08:00', end: '17:00' }] },
      ],
    })
    await recordAudit(trx, deps.now, { actor: DEMO_ACTOR, action: 'demo.seed', entityType: 'team', entityId: team.id, teamId: team.id })
    return { seeded: true }
  })
}

/** Each demo person: a verified SMS number that interrupts, plus the email they start with. */
async function giveDemoChannels(ctx: CommandCtx, userId: string, email: string): Promise<void> {
  const sms = await addContactMethod(ctx, userId, { type: 'sms', address: `+1555${(Math.abs(hash(email)) % 10_000_000).toString().padStart(7, '0')}`, label: 'Phone (demo)' }, { audit: false, verified: true })
  const emailMethod = (await listContactMethods(ctx.db, ctx.secrets, userId)).find((m) => m.type === 'email')
  if (emailMethod !== undefined) await ctx.db.updateTable('contact_methods').set({ verified_at: ctx.now }).where('id', '=', emailMethod.id).execute()
  await addNotificationRule(ctx, userId, { contactMethodId: sms.id, urgency: 'high', delayMinutes: 1 }, { audit: false })
}

function hash(s: string): number {
  let h = 0
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0
  return h
}

function mondayBefore(now: Instant, zone: string, daysBack: number) {
  let date = addLocalDays(localDateOf(now, zone), -daysBack)
  while (weekdayOf(date) !== 'mon') date = addLocalDays(date, -1)
  return date
}

/**
 * Removes every demo row, leaving real data alone: the demo team with everything it owns
 * (schedules, escalation policies, services and their alerts, including ones added to the demo
 * team later, such as its direct-pages service), and the demo people.
 */
export async function removeDemo(deps: { storage: Storage; now: Instant }): Promise<{ removed: number }> {
  return deps.storage.db.transaction().execute(async (trx) => {
    const teamIds = (await trx.selectFrom('teams').select('id').where('is_demo', '=', 1).execute()).map((t) => t.id)
    const serviceIds = (
      await trx
        .selectFrom('services')
        .select('id')
        .where((eb) => eb.or([eb('is_demo', '=', 1), ...(teamIds.length === 0 ? [] : [eb('team_id', 'in', teamIds)])]))
        .execute()
    ).map((s) => s.id)
    const userIds = (await trx.selectFrom('users').select('id').where('is_demo', '=', 1).execute()).map((u) => u.id)
    let removed = teamIds.length + serviceIds.length + userIds.length
    if (serviceIds.length > 0) {
      await trx.deleteFrom('service_dependencies').where((eb) => eb.or([eb('service_id', 'in', serviceIds), eb('depends_on_id', 'in', serviceIds)])).execute()
      await deleteAlertsOfServices(trx, serviceIds)
      await trx.deleteFrom('services').where('id', 'in', serviceIds).execute()
    }
    if (teamIds.length > 0) {
      const schedules = await trx.deleteFrom('schedules').where((eb) => eb.or([eb('is_demo', '=', 1), eb('team_id', 'in', teamIds)])).executeTakeFirst()
      removed += Number(schedules.numDeletedRows)
      const policies = (await trx.selectFrom('escalation_policies').select('id').where('team_id', 'in', teamIds).execute()).map((p) => p.id)
      if (policies.length > 0) {
        await trx.updateTable('services').set({ escalation_policy_id: null }).where('escalation_policy_id', 'in', policies).execute()
        await trx.deleteFrom('escalation_policies').where('id', 'in', policies).execute()
      }
    }
    if (userIds.length > 0) {
      await trx.deleteFrom('schedule_overrides').where((eb) => eb.or([eb('user_id', 'in', userIds), eb('replaces_user_id', 'in', userIds)])).execute()
      await trx.deleteFrom('schedule_layer_members').where('user_id', 'in', userIds).execute()
      await trx.deleteFrom('escalation_step_targets').where('target_type', '=', 'user').where('target_id', 'in', userIds).execute()
      await trx.deleteFrom('users').where('id', 'in', userIds).execute()
    }
    if (teamIds.length > 0) await trx.deleteFrom('teams').where('id', 'in', teamIds).execute()
    for (const id of teamIds) await recordAudit(trx, deps.now, { actor: DEMO_ACTOR, action: 'demo.remove', entityType: 'team', entityId: id })
    return { removed }
  })
}
