import { conflict, FieldErrors, notFound } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { randomToken } from '../../lib/secrets.js'
import { recordAudit } from '../audit/index.js'
import type { CommandCtx } from '../command.js'
import type { ContactMethod, NotificationRule, User } from './model.js'
import {
  normalizeContactMethod,
  normalizeNotificationRule,
  normalizeUser,
  type ContactMethodInput,
  type NotificationRuleInput,
  type NormalizedUser,
  type UserInput,
} from './normalize.js'
import { contactMethodFromRow, findUser, getUser, listContactMethods } from './store.js'

/**
 * Creates a user. Their email address becomes a (non-interrupting) contact method with a rule
 * for each urgency, so nobody starts out unreachable.
 */
export async function createUser(ctx: CommandCtx, input: UserInput & { isDemo?: boolean }): Promise<User> {
  const u = normalizeUser(input)
  await assertEmailFree(ctx, u.email, null)
  const id = newId()
  await ctx.db
    .insertInto('users')
    .values({
      id,
      ...userColumns(u),
      is_demo: input.isDemo === true ? 1 : 0,
      ical_token_hash: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute()
  const user = await getUser(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'user.create', entityType: 'user', entityId: id, after: user })
  const email = await addContactMethod(ctx, id, { type: 'email', address: u.email, label: 'Work email' }, { audit: false })
  for (const urgency of ['high', 'low'] as const) {
    await addNotificationRule(ctx, id, { contactMethodId: email.id, urgency, delayMinutes: 0 }, { audit: false })
  }
  return user
}

/** The stored form of a validated user. */
function userColumns(u: NormalizedUser) {
  return {
    name: u.name,
    email: u.email,
    time_zone: u.timeZone,
    sleep_start: u.sleepHours.start,
    sleep_end: u.sleepHours.end,
    working_days: u.workingHours.days.join(','),
    working_start: u.workingHours.start,
    working_end: u.workingHours.end,
    is_admin: u.isAdmin ? (1 as const) : (0 as const),
  }
}

/** Updates a user; fields left out keep their value. */
export async function updateUser(ctx: CommandCtx, id: string, patch: UserInput): Promise<User> {
  const before = await getUser(ctx.db, id)
  const u = normalizeUser({
    name: patch.name ?? before.name,
    email: patch.email ?? before.email,
    timeZone: patch.timeZone ?? before.timeZone,
    sleepHours: patch.sleepHours ?? before.sleepHours,
    workingHours: patch.workingHours ?? { ...before.workingHours, days: [...before.workingHours.days] },
    isAdmin: patch.isAdmin ?? before.isAdmin,
  })
  await assertEmailFree(ctx, u.email, id)
  await ctx.db
    .updateTable('users')
    .set({
      ...userColumns(u),
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute()
  const after = await getUser(ctx.db, id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'user.update', entityType: 'user', entityId: id, before, after })
  return after
}

/** Deletes a user who is not a member of any rotation (the schedule would silently change). */
export async function deleteUser(ctx: CommandCtx, id: string): Promise<void> {
  const before = await getUser(ctx.db, id)
  const inRotation = await ctx.db.selectFrom('schedule_layer_members').select('layer_id').where('user_id', '=', id).executeTakeFirst()
  if (inRotation !== undefined) throw conflict(`${before.name} is still in a schedule rotation; remove them from it first`)
  const inOverride = await ctx.db.selectFrom('schedule_overrides').select('id').where((eb) => eb.or([eb('user_id', '=', id), eb('replaces_user_id', '=', id)])).executeTakeFirst()
  if (inOverride !== undefined) await ctx.db.deleteFrom('schedule_overrides').where((eb) => eb.or([eb('user_id', '=', id), eb('replaces_user_id', '=', id)])).execute()
  await ctx.db.deleteFrom('users').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'user.delete', entityType: 'user', entityId: id, before })
}

async function assertEmailFree(ctx: CommandCtx, email: string, exceptId: string | null): Promise<void> {
  const row = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  if (row !== undefined && row.id !== exceptId) {
    const errors = new FieldErrors()
    errors.add('email', `${email} is already used by another user`)
    errors.throwIfAny()
  }
}

/** Adds a contact method (unverified: it cannot page until verified with a one-time code). */
export async function addContactMethod(
  ctx: CommandCtx,
  userId: string,
  input: ContactMethodInput,
  opts: { audit?: boolean; verified?: boolean } = {},
): Promise<ContactMethod & { signingSecret?: string }> {
  if ((await findUser(ctx.db, userId)) === null) throw notFound('user', userId)
  const cm = normalizeContactMethod(input)
  const id = newId()
  // Webhooks are signed with a secret of their own, shown once so the receiver can verify.
  const signingSecret = cm.type === 'webhook' ? `whsec_${randomToken(32)}` : undefined
  await ctx.db
    .insertInto('contact_methods')
    .values({
      id,
      user_id: userId,
      type: cm.type,
      label: cm.label,
      address_sealed: ctx.secrets.encrypt(cm.address),
      interrupting: cm.interrupting ? 1 : 0,
      verified_at: opts.verified === true ? ctx.now : null,
      verification_code_hash: null,
      verification_expires_at: null,
      created_at: ctx.now,
      signing_secret_sealed: signingSecret === undefined ? null : ctx.secrets.encrypt(signingSecret),
    })
    .execute()
  const row = await ctx.db.selectFrom('contact_methods').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const method = contactMethodFromRow(row, ctx.secrets)
  if (opts.audit !== false) {
    await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'contact_method.create', entityType: 'contact_method', entityId: id, after: redact(method) })
  }
  return signingSecret === undefined ? method : { ...method, signingSecret }
}

/** Changes a method's label or whether it interrupts; the address is fixed (re-add to change it). */
export async function updateContactMethod(
  ctx: CommandCtx,
  userId: string,
  id: string,
  patch: { label?: string | undefined; interrupting?: boolean | undefined },
): Promise<ContactMethod> {
  const before = (await listContactMethods(ctx.db, ctx.secrets, userId)).find((m) => m.id === id)
  if (before === undefined) throw notFound('contact method', id)
  const normalized = normalizeContactMethod({ type: before.type, address: before.address, label: patch.label ?? before.label, interrupting: patch.interrupting ?? before.interrupting })
  await ctx.db.updateTable('contact_methods').set({ label: normalized.label, interrupting: normalized.interrupting ? 1 : 0 }).where('id', '=', id).execute()
  const after = { ...before, label: normalized.label, interrupting: normalized.interrupting }
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'contact_method.update', entityType: 'contact_method', entityId: id, before: redact(before), after: redact(after) })
  return after
}

export async function deleteContactMethod(ctx: CommandCtx, userId: string, id: string): Promise<void> {
  const before = (await listContactMethods(ctx.db, ctx.secrets, userId)).find((m) => m.id === id)
  if (before === undefined) throw notFound('contact method', id)
  await ctx.db.deleteFrom('contact_methods').where('id', '=', id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'contact_method.delete', entityType: 'contact_method', entityId: id, before: redact(before) })
}

/** Marks a method verified (by an administrator, the demo seeder, or the one-time-code flow). */
export async function markContactMethodVerified(ctx: CommandCtx, userId: string, id: string): Promise<void> {
  const res = await ctx.db.updateTable('contact_methods').set({ verified_at: ctx.now, verification_code_hash: null, verification_expires_at: null }).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
  if (Number(res.numUpdatedRows) === 0) throw notFound('contact method', id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'contact_method.verify', entityType: 'contact_method', entityId: id })
}

export async function addNotificationRule(
  ctx: CommandCtx,
  userId: string,
  input: NotificationRuleInput,
  opts: { audit?: boolean } = {},
): Promise<NotificationRule> {
  const rule = normalizeNotificationRule(input)
  const method = await ctx.db.selectFrom('contact_methods').select('id').where('id', '=', rule.contactMethodId).where('user_id', '=', userId).executeTakeFirst()
  if (method === undefined) {
    const errors = new FieldErrors()
    errors.add('contactMethodId', `no contact method ${rule.contactMethodId} belongs to this user`)
    errors.throwIfAny()
  }
  const id = newId()
  await ctx.db.insertInto('notification_rules').values({ id, user_id: userId, contact_method_id: rule.contactMethodId, urgency: rule.urgency, delay_minutes: rule.delayMinutes, created_at: ctx.now }).execute()
  const created: NotificationRule = { id, userId, ...rule }
  if (opts.audit !== false) {
    await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'notification_rule.create', entityType: 'notification_rule', entityId: id, after: created })
  }
  return created
}

export async function deleteNotificationRule(ctx: CommandCtx, userId: string, id: string): Promise<void> {
  const res = await ctx.db.deleteFrom('notification_rules').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
  if (Number(res.numDeletedRows) === 0) throw notFound('notification rule', id)
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'notification_rule.delete', entityType: 'notification_rule', entityId: id })
}

/** Audit images never carry webhook or Slack URLs: those are credentials. */
function redact(m: ContactMethod): Omit<ContactMethod, 'address'> & { address: string } {
  const secret = m.type === 'webhook' || m.type === 'slack'
  return { ...m, address: secret ? `${m.address.slice(0, 12)}…` : m.address }
}
