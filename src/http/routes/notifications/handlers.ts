import { randomInt } from 'node:crypto'
import { Type } from 'typebox'
import { hasTeamRole, requireAdmin } from '../../../domain/auth/index.js'
import { enqueueNotifications, listAttempts, listNotifications, retryDeadNotification, type NotificationStatus } from '../../../domain/notify/index.js'
import { checkReadiness } from '../../../domain/readiness/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { getUser, listContactMethods, markContactMethodVerified } from '../../../domain/users/index.js'
import { recordAudit } from '../../../domain/audit/index.js'
import { AppError, forbidden, notFound } from '../../../lib/errors.js'
import { newId } from '../../../lib/ids.js'
import { hashSecret, safeEqual } from '../../../lib/secrets.js'
import { formatLocal } from '../../../lib/time/index.js'
import { requirePrincipal } from '../../server.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { notificationJson } from '../alerts/handlers.js'
import { NotificationJson } from '../alerts/schema.js'
import { errorResponses, IdParams, iso, ListOf } from '../common.js'

/** A verification code lives 15 minutes; five wrong guesses burn it (counted per instance). */
const CODE_TTL_MS = 15 * 60_000
const MAX_GUESSES = 5

const SubParams = Type.Object({ id: Type.String(), subId: Type.String() })
const Queued = Type.Object({ notificationId: Type.String(), status: Type.String(), message: Type.String() })

export function registerNotificationRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const db = deps.storage.db
  const wrongGuesses = new Map<string, number>()

  app.get(
    '/api/v1/notifications',
    { schema: { tags: ['notifications'], summary: 'Messages, newest first; status=dead is the dead letter (administrators see everyone’s, others their own)', querystring: Type.Object({ status: Type.Optional(Type.String()), userId: Type.Optional(Type.String()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }), response: { 200: ListOf(NotificationJson), ...errorResponses } } },
    async (request) => {
      const p = requirePrincipal(request)
      const userId = p.isAdmin ? request.query.userId : p.userId
      const statuses = ['pending', 'sending', 'sent', 'failed', 'dead', 'bundled', 'cancelled']
      if (request.query.status !== undefined && !statuses.includes(request.query.status)) {
        throw new AppError('E_VALIDATION', 'status: unknown', { fields: [{ field: 'status', reason: `must be one of ${statuses.join(', ')}` }] })
      }
      const items = await listNotifications(db, { status: request.query.status as NotificationStatus | undefined, userId, limit: request.query.limit ?? 100 })
      return { items: items.map(notificationJson) }
    },
  )

  app.get('/api/v1/notifications/:id/attempts', { schema: { tags: ['notifications'], summary: 'Every delivery attempt of a message (time, outcome, error)', params: IdParams, response: { 200: ListOf(Type.Object({ at: Type.String(), outcome: Type.String(), error: Type.Union([Type.String(), Type.Null()]), durationMs: Type.Integer() })) } } }, async (request) => {
    const p = requirePrincipal(request)
    const row = await db.selectFrom('notifications').select('user_id').where('id', '=', request.params.id).executeTakeFirst()
    if (row === undefined) throw notFound('notification', request.params.id)
    if (!p.isAdmin && row.user_id !== p.userId) throw forbidden("Another person's messages need a global administrator")
    return { items: (await listAttempts(db, request.params.id)).map((a) => ({ ...a, at: iso(a.at) })) }
  })

  app.post('/api/v1/notifications/:id/retry', { schema: { tags: ['notifications'], summary: 'Send a dead-lettered message again (administrators)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      requireAdmin(ctx.principal, 'Retrying a dead letter')
      if (!(await retryDeadNotification(ctx.db, ctx.now, request.params.id))) throw new AppError('E_CONFLICT', 'only a dead-lettered message can be retried')
      await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'notification.retry', entityType: 'notification', entityId: request.params.id })
    })
    return reply.code(204).send(null)
  })

  app.post('/api/v1/users/:id/contact-methods/:subId/test', { schema: { tags: ['notifications'], summary: 'Send me a test notification on this (verified) contact method', params: SubParams, response: { 202: Queued, ...errorResponses } } }, async (request, reply) => {
    const queued = await run(request, async (ctx) => {
      if (ctx.principal.userId !== request.params.id && !ctx.principal.isAdmin) throw forbidden("Testing another person's contact method needs a global administrator")
      const user = await getUser(ctx.db, request.params.id)
      const method = (await listContactMethods(ctx.db, ctx.secrets, user.id)).find((m) => m.id === request.params.subId)
      if (method === undefined) throw notFound('contact method', request.params.subId)
      if (!method.verified) throw new AppError('E_CONFLICT', 'verify this contact method first: a test goes only to verified addresses')
      const id = newId()
      await enqueueNotifications(ctx.db, ctx.now, [
        {
          alertId: null,
          serviceId: null,
          userId: user.id,
          contactMethodId: method.id,
          channel: method.type,
          kind: 'test',
          urgency: 'high',
          interrupting: false,
          status: 'pending',
          notBefore: ctx.now,
          idempotencyKey: `test:${id}`,
          subject: 'Tend test notification',
          text: `This is a test from Tend, sent at ${formatLocal(ctx.now, user.timeZone, 'full')}. If you got it, ${method.label} works.`,
          payload: { test: true },
        },
      ])
      return { notificationId: id, status: 'pending', message: `A test is on its way to ${method.label}` }
    })
    return reply.code(202).send(queued)
  })

  app.post('/api/v1/users/:id/contact-methods/:subId/verification', { schema: { tags: ['notifications'], summary: 'Send a one-time code to a contact method (valid 15 minutes)', params: SubParams, response: { 202: Queued, ...errorResponses } } }, async (request, reply) => {
    const queued = await run(request, async (ctx) => {
      if (ctx.principal.userId !== request.params.id && !ctx.principal.isAdmin) throw forbidden("Verifying another person's contact method needs a global administrator")
      const method = (await listContactMethods(ctx.db, ctx.secrets, request.params.id)).find((m) => m.id === request.params.subId)
      if (method === undefined) throw notFound('contact method', request.params.subId)
      if (!deps.channels.has(method.type)) {
        throw new AppError('E_CONFLICT', `Tend cannot send ${method.type} messages yet (no ${method.type} gateway is configured on this instance), so this method cannot be verified by code; an administrator can mark it verified`)
      }
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
      await ctx.db.updateTable('contact_methods').set({ verification_code_hash: hashSecret(`${method.id}:${code}`), verification_expires_at: ctx.now + CODE_TTL_MS }).where('id', '=', method.id).execute()
      wrongGuesses.delete(method.id)
      const id = newId()
      await enqueueNotifications(ctx.db, ctx.now, [
        {
          alertId: null,
          serviceId: null,
          userId: method.userId,
          contactMethodId: method.id,
          channel: method.type,
          kind: 'verification',
          urgency: 'high',
          interrupting: false,
          status: 'pending',
          notBefore: ctx.now,
          idempotencyKey: `verify:${id}`,
          subject: `Your Tend verification code: ${code}`,
          text: `Your Tend verification code is ${code}. It is valid for 15 minutes. If you did not ask for it, ignore this message.`,
          payload: { verification: true },
        },
      ])
      return { notificationId: id, status: 'pending', message: `A code is on its way to ${method.label}` }
    })
    return reply.code(202).send(queued)
  })

  app.post('/api/v1/users/:id/contact-methods/:subId/verify', { schema: { tags: ['notifications'], summary: 'Confirm a contact method with its one-time code', params: SubParams, body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false }), response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, async (ctx) => {
      if (ctx.principal.userId !== request.params.id && !ctx.principal.isAdmin) throw forbidden("Verifying another person's contact method needs a global administrator")
      const row = await ctx.db.selectFrom('contact_methods').select(['id', 'verification_code_hash', 'verification_expires_at']).where('id', '=', request.params.subId).where('user_id', '=', request.params.id).executeTakeFirst()
      if (row === undefined) throw notFound('contact method', request.params.subId)
      const wrong = (field: string, reason: string) => new AppError('E_VALIDATION', `${field}: ${reason}`, { fields: [{ field, reason }] })
      if (row.verification_code_hash === null || row.verification_expires_at === null || row.verification_expires_at <= ctx.now) throw wrong('code', 'no valid code: ask for a new one')
      if (!safeEqual(row.verification_code_hash, hashSecret(`${row.id}:${request.body.code}`))) {
        const guesses = (wrongGuesses.get(row.id) ?? 0) + 1
        wrongGuesses.set(row.id, guesses)
        if (guesses >= MAX_GUESSES) await ctx.db.updateTable('contact_methods').set({ verification_code_hash: null, verification_expires_at: null }).where('id', '=', row.id).execute()
        throw wrong('code', guesses >= MAX_GUESSES ? 'wrong code; too many tries, ask for a new one' : 'wrong code')
      }
      await markContactMethodVerified(ctx, request.params.id, row.id)
    })
    return reply.code(204).send(null)
  })

  app.get(
    '/api/v1/readiness',
    { schema: { tags: ['notifications'], summary: 'Can everyone on call be woken? People on schedules and policies without a verified interrupting contact method are flagged', querystring: Type.Object({ teamId: Type.Optional(Type.String()) }), response: { 200: ListOf(Type.Object({ userId: Type.String(), name: Type.String(), ready: Type.Boolean(), problems: Type.Array(Type.String()), onCallIn: Type.Array(Type.String()) })), ...errorResponses } } },
    async (request) => {
      const p = requirePrincipal(request)
      const teamId = request.query.teamId === undefined ? undefined : (await getTeam(db, request.query.teamId)).id
      if (teamId !== undefined && !hasTeamRole(p, teamId, 'observer') && !p.isAdmin) throw forbidden('Readiness of a team needs a role on it')
      return { items: (await checkReadiness(db, { teamId })).map((r) => ({ ...r, problems: [...r.problems], onCallIn: [...r.onCallIn] })) }
    },
  )
}
