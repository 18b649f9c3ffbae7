import { Type } from 'typebox'
import { listAudit } from '../../../domain/audit/index.js'
import { hasTeamRole } from '../../../domain/auth/index.js'
import { forbidden } from '../../../lib/errors.js'
import { requirePrincipal } from '../../server.js'
import type { Api, HttpDeps } from '../../types.js'
import { instantField, iso, ListOf, Nullable } from '../common.js'

const AuditJson = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorUserId: Nullable(Type.String()),
  actor: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  teamId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
})
const AuditQuery = Type.Object({
  entityType: Type.Optional(Type.String()),
  entityId: Type.Optional(Type.String()),
  teamId: Type.Optional(Type.String()),
  actorUserId: Type.Optional(Type.String()),
  before: Type.Optional(Type.String({ description: 'RFC 3339; page backwards from here' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
})

export function registerAuditRoutes(app: Api, deps: HttpDeps): void {
  app.get('/api/v1/audit', { schema: { tags: ['audit'], summary: 'The audit log, newest first (administrators; team members with teamId)', querystring: AuditQuery, response: { 200: ListOf(AuditJson) } } }, async (request) => {
    const p = requirePrincipal(request)
    const q = request.query
    if (!p.isAdmin && (q.teamId === undefined || !hasTeamRole(p, q.teamId, 'observer'))) {
      throw forbidden('The audit log needs a global administrator, or a teamId of a team you belong to')
    }
    const records = await listAudit(deps.storage.db, { ...q, before: q.before === undefined ? undefined : instantField(q.before, 'before'), limit: q.limit ?? 100 })
    return { items: records.map((r) => ({ ...r, at: iso(r.at) })) }
  })
}
