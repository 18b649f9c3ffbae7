import { Type } from 'typebox'
import { createApiToken, listApiTokens, requireAdmin, revokeApiToken, type ApiTokenInfo } from '../../../domain/auth/index.js'
import { getUser } from '../../../domain/users/index.js'
import { forbidden } from '../../../lib/errors.js'
import { requirePrincipal } from '../../server.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, iso, isoOrNull, ListOf, Nullable } from '../common.js'

const TokenJson = Type.Object({ id: Type.String(), userId: Type.String(), name: Type.String(), prefix: Type.String(), createdAt: Type.String(), lastUsedAt: Nullable(Type.String()), expiresAt: Nullable(Type.String()) })
const TokenBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), expiresAt: Type.Optional(Type.String({ description: 'RFC 3339; omit for no expiry' })) }, { additionalProperties: false })
const TokenCreated = Type.Object({ token: Type.String({ description: 'shown once' }), info: TokenJson })

const tokenJson = (t: ApiTokenInfo) => ({ ...t, createdAt: iso(t.createdAt), lastUsedAt: isoOrNull(t.lastUsedAt), expiresAt: isoOrNull(t.expiresAt) })

export function registerTokenRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['tokens']
  app.get('/api/v1/me/tokens', { schema: { tags, summary: 'List my API tokens', response: { 200: ListOf(TokenJson) } } }, async (request) => ({
    items: (await listApiTokens(deps.storage.db, requirePrincipal(request).userId)).map(tokenJson),
  }))

  app.post('/api/v1/users/:id/tokens', { schema: { tags, summary: 'Create an API token for a user (self or administrators); the secret is shown once', params: IdParams, body: TokenBody, response: { 201: TokenCreated, ...errorResponses } } }, async (request, reply) => {
    const created = await run(request, async (ctx) => {
      if (ctx.principal.userId !== request.params.id) requireAdmin(ctx.principal, "Creating another person's token")
      await getUser(ctx.db, request.params.id)
      const expiresAt = request.body.expiresAt === undefined ? null : instantField(request.body.expiresAt, 'expiresAt')
      if (expiresAt !== null && expiresAt <= ctx.now) throw forbidden('expiresAt must be in the future')
      return createApiToken(ctx.db, ctx.now, ctx.actor, { userId: request.params.id, name: request.body.name, expiresAt })
    })
    return reply.code(201).send({ token: created.token, info: tokenJson(created.info) })
  })

  app.delete('/api/v1/me/tokens/:id', { schema: { tags, summary: 'Revoke one of my tokens', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await run(request, (ctx) => revokeApiToken(ctx.db, ctx.now, ctx.actor, ctx.principal.userId, request.params.id))
    return reply.code(204).send(null)
  })
}
