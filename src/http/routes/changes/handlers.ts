import { Type, type Static } from 'typebox'
import {
  actOnChange,
  addChangeComment,
  approveFreezeException,
  CHANGE_STATES,
  createChange,
  getChange,
  listChanges,
  previewChange,
  revokeFreezeException,
  updateChange,
  type ChangeAction,
  type ChangeBody,
  type ChangeState,
} from '../../../domain/change-requests/index.js'
import { getService, listServices } from '../../../domain/services/index.js'
import { getTeam } from '../../../domain/teams/index.js'
import { validationError } from '../../../lib/errors.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams, instantField, iso, ListOf } from '../common.js'
import { emptyBodyAsObject } from '../deploys/empty-body.js'
import { changeJson, changeSummaryJson, namesFor } from './json.js'
import {
  ActionBody,
  ChangeCreateBody,
  ChangeJson,
  ChangeListQuery,
  ChangePatchBody,
  ChangePreviewBody,
  ChangeSummaryJson,
  CommentBody,
  CommentJson,
  ExceptionBody,
  PreviewJson,
} from './schema.js'

const OPEN: readonly ChangeState[] = ['draft', 'submitted', 'approved', 'in_progress']

function parseStates(raw: string | undefined): ChangeState[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  const states = raw.split(',').flatMap((s) => (s.trim() === 'open' ? [...OPEN] : [s.trim()]))
  const bad = states.find((s) => !CHANGE_STATES.includes(s as ChangeState))
  if (bad !== undefined) throw validationError([{ field: 'state', reason: `unknown state ${JSON.stringify(bad)} (use ${CHANGE_STATES.join(', ')} or open)` }])
  return states as ChangeState[]
}

/** Turns an API body's RFC 3339 `plannedAt` into an instant (naming the field on error). */
function toChangeBody(b: Omit<Static<typeof ChangePatchBody>, 'mode'>): ChangeBody {
  const { plannedAt, ...rest } = b
  return { ...rest, ...(plannedAt === undefined ? {} : { plannedAt: plannedAt === null ? null : instantField(plannedAt, 'plannedAt') }) }
}

const ACTIONS: readonly { action: ChangeAction; summary: string }[] = [
  { action: 'submit', summary: 'Submit for review (checks worst case and rollback plan; standard changes are approved at once)' },
  { action: 'approve', summary: 'Approve (someone other than the author), or review an emergency change after the fact' },
  { action: 'start', summary: 'Start the change (approved; emergency changes may start unapproved and get a review follow-up)' },
  { action: 'complete', summary: 'Mark the change done' },
  { action: 'rollback', summary: 'Record that the change was rolled back' },
  { action: 'cancel', summary: 'Cancel a draft, submitted or approved change' },
  { action: 'reopen', summary: 'Back to draft (approvals are cleared)' },
]

/** Change requests: CRUD, the state machine, comments, freeze exceptions and a live preview. */
export function registerChangeRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const tags = ['changes']
  const db = deps.storage.db

  app.get('/api/v1/changes', { schema: { tags, summary: 'Change requests, newest first', querystring: ChangeListQuery, response: { 200: ListOf(ChangeSummaryJson), ...errorResponses } } }, async (request) => {
    const q = request.query
    let serviceIds: string[] | undefined
    if (q.serviceId !== undefined) serviceIds = [(await getService(db, q.serviceId)).id]
    else if (q.teamId !== undefined) serviceIds = (await listServices(db, { teamId: (await getTeam(db, q.teamId)).id })).map((s) => s.id)
    const changes = await listChanges(db, { states: parseStates(q.state), serviceIds, authorId: q.authorId, limit: q.limit ?? 100 })
    const names = await namesFor(db, changes)
    return { items: changes.map((c) => changeSummaryJson(c, names)) }
  })

  app.post('/api/v1/changes', { schema: { tags, summary: 'Open a change request as a draft (responders of a team owning one of its services)', body: ChangeCreateBody, response: { 201: ChangeJson, ...errorResponses } } }, async (request, reply) => {
    const out = await run(request, async (ctx) => {
      const result = await createChange(ctx, ctx.principal, toChangeBody(request.body))
      return changeJson(ctx.db, result.change, ctx.now, ctx.principal, result)
    })
    return reply.code(201).send(out)
  })

  app.post('/api/v1/changes/preview', { schema: { tags, summary: 'Check a change request without saving: errors, warnings, graded rollback steps, risk hint and live blast radius', body: ChangePreviewBody, response: { 200: PreviewJson, ...errorResponses } } }, async (request) => {
    const { mode, ...body } = request.body
    const preview = await previewChange(db, toChangeBody(body), deps.clock.now(), mode ?? 'submit')
    return { ...preview, errors: [...preview.errors], warnings: [...preview.warnings], serviceIds: [...preview.serviceIds], rollbackSteps: [...preview.rollbackSteps], riskHint: { ...preview.riskHint, because: [...preview.riskHint.because] }, blastRadius: preview.blastRadius.map((b) => ({ ...b, onCall: [...b.onCall] })) }
  })

  app.get('/api/v1/changes/:id', { schema: { tags, summary: 'A change request (id, CR-42 or 42) with comments, live blast radius, deployments and what you can do next', params: IdParams, response: { 200: ChangeJson, ...errorResponses } } }, async (request) => {
    const change = await getChange(db, request.params.id)
    return changeJson(db, change, deps.clock.now(), request.principal ?? null)
  })

  app.patch('/api/v1/changes/:id', { schema: { tags, summary: 'Edit a draft or submitted change (author or team admins)', params: IdParams, body: ChangePatchBody, response: { 200: ChangeJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const result = await updateChange(ctx, ctx.principal, request.params.id, toChangeBody(request.body))
      return changeJson(ctx.db, result.change, ctx.now, ctx.principal, result)
    }),
  )

  for (const { action, summary } of ACTIONS) {
    app.post(`/api/v1/changes/:id/${action}`, { preValidation: emptyBodyAsObject, schema: { tags, summary, params: IdParams, body: ActionBody, response: { 200: ChangeJson, ...errorResponses } } }, async (request) =>
      run(request, async (ctx) => {
        const change = await actOnChange(ctx, ctx.principal, request.params.id, action, request.body.comment ?? '')
        return changeJson(ctx.db, change, ctx.now, ctx.principal)
      }),
    )
  }

  app.post('/api/v1/changes/:id/comments', { schema: { tags, summary: 'Comment on a change', params: IdParams, body: CommentBody, response: { 201: CommentJson, ...errorResponses } } }, async (request, reply) => {
    const comment = await run(request, (ctx) => addChangeComment(ctx, ctx.principal, request.params.id, request.body.body))
    return reply.code(201).send({ ...comment, userName: request.principal?.name ?? comment.userId, at: iso(comment.at) })
  })

  app.post('/api/v1/changes/:id/freeze-exceptions', { schema: { tags, summary: "Grant a change an exception to a freeze (the freeze's approvers or global admins; not the author)", params: IdParams, body: ExceptionBody, response: { 201: ChangeJson, ...errorResponses } } }, async (request, reply) => {
    const out = await run(request, async (ctx) => {
      const change = await approveFreezeException(ctx, ctx.principal, request.params.id, request.body.freezeId, request.body.comment ?? '')
      return changeJson(ctx.db, change, ctx.now, ctx.principal)
    })
    return reply.code(201).send(out)
  })

  app.delete('/api/v1/changes/:id/freeze-exceptions/:subId', { schema: { tags, summary: 'Withdraw a freeze exception', params: Type.Object({ id: Type.String(), subId: Type.String({ description: 'freeze id' }) }), response: { 200: ChangeJson, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const change = await revokeFreezeException(ctx, ctx.principal, request.params.id, request.params.subId)
      return changeJson(ctx.db, change, ctx.now, ctx.principal)
    }),
  )
}
