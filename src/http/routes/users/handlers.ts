import { Type } from 'typebox'
import { requireAdmin, type Principal } from '../../../domain/auth/index.js'
import {
  addContactMethod,
  addNotificationRule,
  createUser,
  deleteContactMethod,
  deleteNotificationRule,
  deleteUser,
  getUser,
  listContactMethods,
  listNotificationRules,
  listUsers,
  markContactMethodVerified,
  updateContactMethod,
  updateUser,
  type ContactMethod,
  type User,
} from '../../../domain/users/index.js'
import { forbidden } from '../../../lib/errors.js'
import { requirePrincipal } from '../../server.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, iso, isoOrNull, ListOf } from '../common.js'
import {
  ContactMethodCreateBody,
  ContactMethodJson,
  ContactMethodPatchBody,
  NotificationRuleCreateBody,
  NotificationRuleJson,
  UserCreateBody,
  MeJson,
  UserJson,
  UserPatchBody,
  UserSubParams,
} from './schema.js'

export const userJson = (u: User) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  timeZone: u.timeZone,
  sleepHours: u.sleepHours,
  workingHours: { ...u.workingHours, days: [...u.workingHours.days] },
  isAdmin: u.isAdmin,
  isDemo: u.isDemo,
  createdAt: iso(u.createdAt),
  updatedAt: iso(u.updatedAt),
})

const contactMethodJson = (m: ContactMethod & { signingSecret?: string }) => ({ ...m, verifiedAt: isoOrNull(m.verifiedAt), createdAt: iso(m.createdAt) })

/** People manage their own profile and contact methods; administrators manage everyone's. */
function requireSelfOrAdmin(p: Principal, userId: string, what: string): void {
  if (p.userId !== userId && !p.isAdmin) throw forbidden(`${what} of another person needs a global administrator`)
}

export function registerUserRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['users']
  app.get('/api/v1/me', { schema: { tags, summary: 'The authenticated user and their role on each team', response: { 200: MeJson, ...errorResponses } } }, async (request) => {
    const p = requirePrincipal(request)
    return { ...userJson(await getUser(deps.storage.db, p.userId)), teamRoles: [...p.teamRoles].map(([teamId, role]) => ({ teamId, role })) }
  })

  app.get('/api/v1/users', { schema: { tags, summary: 'List users', response: { 200: ListOf(UserJson) } } }, async () => ({
    items: (await listUsers(deps.storage.db)).map(userJson),
  }))

  app.post('/api/v1/users', { schema: { tags, summary: 'Create a user (administrators)', body: UserCreateBody, response: { 201: UserJson, ...errorResponses } } }, async (request, reply) => {
    const user = await run(request, (ctx) => {
      requireAdmin(ctx.principal, 'Creating users')
      return createUser(ctx, request.body)
    })
    return reply.code(201).send(userJson(user))
  })

  app.get('/api/v1/users/:id', { schema: { tags, summary: 'Get a user', params: IdParams, response: { 200: UserJson, ...errorResponses } } }, async (request) =>
    userJson(await getUser(deps.storage.db, request.params.id)),
  )

  app.patch('/api/v1/users/:id', { schema: { tags, summary: 'Update a user (self or administrators)', params: IdParams, body: UserPatchBody, response: { 200: UserJson, ...errorResponses } } }, async (request) => {
    const user = await run(request, (ctx) => {
      requireSelfOrAdmin(ctx.principal, request.params.id, 'Changing the profile')
      if (request.body.isAdmin !== undefined) requireAdmin(ctx.principal, 'Granting or removing administrator rights')
      return updateUser(ctx, request.params.id, request.body)
    })
    return userJson(user)
  })

  app.delete('/api/v1/users/:id', { schema: { tags, summary: 'Delete a user (administrators)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, (ctx) => {
      requireAdmin(ctx.principal, 'Deleting users')
      return deleteUser(ctx, request.params.id)
    })
    return reply.code(204).send(null)
  })

  app.get('/api/v1/users/:id/contact-methods', { schema: { tags, summary: "List a user's contact methods (self or administrators)", params: IdParams, response: { 200: ListOf(ContactMethodJson), ...errorResponses } } }, async (request) => {
    requireSelfOrAdmin(requirePrincipal(request), request.params.id, 'Reading the contact methods')
    await getUser(deps.storage.db, request.params.id)
    return { items: (await listContactMethods(deps.storage.db, deps.secrets, request.params.id)).map(contactMethodJson) }
  })

  app.post('/api/v1/users/:id/contact-methods', { schema: { tags, summary: 'Add a contact method (unverified until confirmed)', params: IdParams, body: ContactMethodCreateBody, response: { 201: ContactMethodJson, ...errorResponses } } }, async (request, reply) => {
    const method = await run(request, (ctx) => {
      requireSelfOrAdmin(ctx.principal, request.params.id, 'Adding a contact method')
      return addContactMethod(ctx, request.params.id, request.body)
    })
    return reply.code(201).send(contactMethodJson(method))
  })

  app.patch('/api/v1/users/:id/contact-methods/:subId', { schema: { tags, summary: 'Change the label or interrupting flag of a contact method', params: UserSubParams, body: ContactMethodPatchBody, response: { 200: ContactMethodJson, ...errorResponses } } }, async (request) => {
    const method = await run(request, (ctx) => {
      requireSelfOrAdmin(ctx.principal, request.params.id, 'Changing a contact method')
      return updateContactMethod(ctx, request.params.id, request.params.subId, request.body)
    })
    return contactMethodJson(method)
  })

  app.delete('/api/v1/users/:id/contact-methods/:subId', { schema: { tags, summary: 'Remove a contact method', params: UserSubParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, (ctx) => {
      requireSelfOrAdmin(ctx.principal, request.params.id, 'Removing a contact method')
      return deleteContactMethod(ctx, request.params.id, request.params.subId)
    })
    return reply.code(204).send(null)
  })

  app.post('/api/v1/users/:id/contact-methods/:subId/mark-verified', { schema: { tags, summary: 'Mark a contact method verified without a code (administrators)', params: UserSubParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, (ctx) => {
      requireAdmin(ctx.principal, 'Marking a contact method verified without a code')
      return markContactMethodVerified(ctx, request.params.id, request.params.subId)
    })
    return reply.code(204).send(null)
  })

  app.get('/api/v1/users/:id/notification-rules', { schema: { tags, summary: "List a user's notification rules", params: IdParams, response: { 200: ListOf(NotificationRuleJson), ...errorResponses } } }, async (request) => {
    await getUser(deps.storage.db, request.params.id)
    return { items: await listNotificationRules(deps.storage.db, request.params.id) }
  })

  app.post('/api/v1/users/:id/notification-rules', { schema: { tags, summary: 'Add a notification rule', params: IdParams, body: NotificationRuleCreateBody, response: { 201: NotificationRuleJson, ...errorResponses } } }, async (request, reply) => {
    const rule = await run(request, (ctx) => {
      requireSelfOrAdmin(ctx.principal, request.params.id, 'Adding a notification rule')
      return addNotificationRule(ctx, request.params.id, request.body)
    })
    return reply.code(201).send(rule)
  })

  app.delete('/api/v1/users/:id/notification-rules/:subId', { schema: { tags, summary: 'Remove a notification rule', params: UserSubParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, (ctx) => {
      requireSelfOrAdmin(ctx.principal, request.params.id, 'Removing a notification rule')
      return deleteNotificationRule(ctx, request.params.id, request.params.subId)
    })
    return reply.code(204).send(null)
  })
}
