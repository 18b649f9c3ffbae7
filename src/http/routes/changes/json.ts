/** Output mapping for change requests: names resolved, instants as RFC 3339, rollback steps graded. */
import type { Principal } from '../../../domain/auth/index.js'
import {
  allowedChangeActions,
  liveBlastRadius,
  listComments,
  listDeployments,
  notesOf,
  rejectStep,
  rollbackStepQuality,
  type ChangeRequest,
  type RecentChange,
} from '../../../domain/change-requests/index.js'
import type { FieldError } from '../../../lib/errors.js'
import type { Instant } from '../../../lib/time/index.js'
import type { Db } from '../../../storage/index.js'
import { iso, isoOrNull } from '../common.js'
import { deploymentsJson } from '../deploys/json.js'

interface Names {
  readonly user: (id: string) => string
  readonly service: (id: string) => { id: string; name: string; teamId: string }
}

/** Loads what summaries need to name people and services. */
export async function namesFor(db: Db, changes: readonly ChangeRequest[]): Promise<Names> {
  const userIds = [...new Set(changes.flatMap((c) => [c.authorId, ...c.approvals.map((a) => a.userId)]))]
  const users = new Map(userIds.length === 0 ? [] : (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.name]))
  const services = new Map((await db.selectFrom('services').select(['id', 'name', 'team_id']).execute()).map((s) => [s.id, { id: s.id, name: s.name, teamId: s.team_id }]))
  return { user: (id) => users.get(id) ?? id, service: (id) => services.get(id) ?? { id, name: id, teamId: '' } }
}

export function changeSummaryJson(c: ChangeRequest, names: Names) {
  return {
    id: c.id,
    number: c.number,
    key: c.key,
    title: c.title,
    description: c.description,
    type: c.type,
    state: c.state,
    authorId: c.authorId,
    authorName: names.user(c.authorId),
    serviceIds: [...c.serviceIds],
    services: c.serviceIds.map(names.service),
    worstCase: c.worstCase,
    rollbackPlan: { ...c.rollbackPlan, steps: [...c.rollbackPlan.steps] },
    verificationSteps: [...c.verificationSteps],
    risk: c.risk,
    riskHint: c.riskHint === null ? null : { level: c.riskHint.level, because: [...c.riskHint.because] },
    plannedAt: isoOrNull(c.plannedAt),
    reviewDueAt: isoOrNull(c.reviewDueAt),
    startedAt: isoOrNull(c.startedAt),
    finishedAt: isoOrNull(c.finishedAt),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    approvals: c.approvals.map((a) => ({ userId: a.userId, userName: names.user(a.userId), scope: a.scope, freezeId: a.scope === 'change' ? null : a.scope, comment: a.comment, at: iso(a.at) })),
    freezeExceptions: [...c.approvedFreezeExceptions],
  }
}

/** The full view of one change: summary plus graded steps, comments, live blast radius, deployments and next actions for the viewer. */
export async function changeJson(db: Db, c: ChangeRequest, now: Instant, viewer: Principal | null, notes?: { warnings: readonly FieldError[]; toSubmit: readonly FieldError[] }) {
  const comments = await listComments(db, c.id)
  const names = await namesFor(db, [c])
  const commenters = new Map(
    comments.length === 0 ? [] : (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(comments.map((x) => x.userId))]).execute()).map((u) => [u.id, u.name]),
  )
  const deployments = (await listDeployments(db, { serviceIds: c.serviceIds })).filter((d) => d.changeRequestId === c.id)
  const { warnings, toSubmit } = notes ?? notesOf(c)
  return {
    ...changeSummaryJson(c, names),
    rollbackSteps: c.rollbackPlan.steps.map((s) => ({ step: s, ...rollbackStepQuality(s), rejected: rejectStep(s)?.kind ?? null })),
    comments: comments.map((x) => ({ id: x.id, userId: x.userId, userName: commenters.get(x.userId) ?? x.userId, body: x.body, at: iso(x.at) })),
    blastRadius: (await liveBlastRadius(db, c.serviceIds, now)).map((b) => ({ ...b, onCall: b.onCall.map((o) => ({ ...o })) })),
    deployments: await deploymentsJson(db, deployments),
    nextActions: viewer === null ? [] : await allowedChangeActions(db, viewer, c),
    warnings: [...warnings],
    toSubmit: [...toSubmit],
  }
}

export const recentChangeJson = (r: RecentChange) => ({
  ...r,
  at: iso(r.at),
  changeRequest: r.changeRequest === null ? null : { ...r.changeRequest },
  rollbackPlan: r.rollbackPlan === null ? null : { ...r.rollbackPlan, steps: [...r.rollbackPlan.steps] },
})
