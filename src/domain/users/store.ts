import { notFound } from '../../lib/errors.js'
import type { SecretBox } from '../../lib/secrets.js'
import type { LocalTime, Weekday } from '../../lib/time/index.js'
import type { ContactMethodsTable, Db, UsersTable } from '../../storage/index.js'
import type { ContactMethod, ContactMethodType, NotificationRule, Urgency, User } from './model.js'

export function userFromRow(r: UsersTable): User {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    timeZone: r.time_zone,
    sleepHours: { start: r.sleep_start as LocalTime, end: r.sleep_end as LocalTime },
    workingHours: { days: r.working_days.split(',').filter(Boolean) as Weekday[], start: r.working_start as LocalTime, end: r.working_end as LocalTime },
    isAdmin: r.is_admin === 1,
    isDemo: r.is_demo === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function findUser(db: Db, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row === undefined ? null : userFromRow(row)
}

export async function getUser(db: Db, id: string): Promise<User> {
  const user = await findUser(db, id)
  if (user === null) throw notFound('user', id)
  return user
}

/** Finds a user by id or by email (case-insensitive), for CLIs and forms. */
export async function findUserByRef(db: Db, ref: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('email', '=', ref.toLowerCase())])).executeTakeFirst()
  return row === undefined ? null : userFromRow(row)
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute()
  return rows.map(userFromRow)
}

/** Loads many users by id; unknown ids are simply absent from the map. */
export async function usersById(db: Db, ids: readonly string[]): Promise<Map<string, User>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('users').selectAll().where('id', 'in', [...new Set(ids)]).execute()
  return new Map(rows.map((r) => [r.id, userFromRow(r)]))
}

export function contactMethodFromRow(r: ContactMethodsTable, secrets: SecretBox): ContactMethod {
  return {
    id: r.id,
    userId: r.user_id,
    type: r.type as ContactMethodType,
    label: r.label,
    address: secrets.decrypt(r.address_sealed),
    interrupting: r.interrupting === 1,
    verified: r.verified_at !== null,
    verifiedAt: r.verified_at,
    createdAt: r.created_at,
  }
}

export async function listContactMethods(db: Db, secrets: SecretBox, userId: string): Promise<ContactMethod[]> {
  const rows = await db.selectFrom('contact_methods').selectAll().where('user_id', '=', userId).orderBy('created_at').execute()
  return rows.map((r) => contactMethodFromRow(r, secrets))
}

export async function listNotificationRules(db: Db, userId: string): Promise<NotificationRule[]> {
  const rows = await db.selectFrom('notification_rules').selectAll().where('user_id', '=', userId).orderBy('urgency').orderBy('delay_minutes').execute()
  return rows.map((r) => ({ id: r.id, userId: r.user_id, contactMethodId: r.contact_method_id, urgency: r.urgency as Urgency, delayMinutes: r.delay_minutes }))
}

/** Verified, non-interrupting… everything planning needs, without decrypting addresses. */
export async function listContactMethodsMeta(db: Db, userId: string): Promise<ContactMethod[]> {
  const rows = await db.selectFrom('contact_methods').select(['id', 'user_id', 'type', 'label', 'interrupting', 'verified_at', 'created_at']).where('user_id', '=', userId).orderBy('created_at').execute()
  return rows.map((r) => ({ id: r.id, userId: r.user_id, type: r.type as ContactMethodType, label: r.label, address: '', interrupting: r.interrupting === 1, verified: r.verified_at !== null, verifiedAt: r.verified_at, createdAt: r.created_at }))
}
