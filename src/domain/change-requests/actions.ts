/**
 * Moving a change through its states (see transition.ts) and granting freeze exceptions, with
 * who may do what:
 * - submit, cancel, reopen: the author, an admin of a team owning a touched service, or a global admin;
 * - approve (and the after-the-fact review of an emergency change): a responder of a team owning a
 *   touched service, never the author (two-person rule);
 * - start, complete, roll back: a responder of an owning team, or the author;
 * - a freeze exception: one of the freeze's approvers (or a global admin), never the author.
 * An emergency change started without approval gets `reviewDueAt` (review-due.ts) and a
 * 'change-review' follow-up for the owning team; the review closes that follow-up.
 */
import { AppError, conflict, forbidden, validationError } from '../../lib/errors.js'
import { newId } from '../../lib/ids.js'
import { formatLocal, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { recordAudit } from '../audit/index.js'
import type { Principal } from '../auth/index.js'
import type { CommandCtx } from '../command.js'
import { freezeAppliesTo, getFreeze, loadTeamPolicy, mayApproveException } from '../deploy-gate/index.js'
import { closeFollowUp, fileFollowUp, listFollowUps } from '../mitigation/index.js'
import { getTeam } from '../teams/index.js'
import { bodyOf, checkBody, hasRoleOnChange, owningTeamIds, requireAuthorOrAdmin } from './commands.js'
import { reviewDueAt } from './review-due.js'
import { getChange, type ChangeRequest } from './store.js'
import { CHANGE_ACTIONS, transition, type ChangeAction, type TransitionErrorCode } from './transition.js'
import { usersById } from '../users/index.js'

/** The follow-up kind filed for an emergency change's review. */
export const CHANGE_REVIEW_FOLLOW_UP = 'change-review'

const STATUS_OF: Readonly<Record<TransitionErrorCode, 'E_FORBIDDEN' | 'E_CONFLICT'>> = {
  SELF_APPROVAL: 'E_FORBIDDEN',
  ALREADY_APPROVED: 'E_CONFLICT',
  INVALID_TRANSITION: 'E_CONFLICT',
}

const GERUND: Readonly<Record<ChangeAction, string>> = {
  submit: 'Submitting',
  approve: 'Approving',
  start: 'Starting',
  complete: 'Completing',
  rollback: 'Rolling back',
  cancel: 'Cancelling',
  reopen: 'Reopening',
}

async function authorize(db: Db, p: Principal, change: ChangeRequest, action: ChangeAction): Promise<void> {
  switch (action) {
    case 'submit':
    case 'cancel':
    case 'reopen':
      return requireAuthorOrAdmin(db, p, change, GERUND[action])
    case 'approve':
      // The author is refused by the state machine, with the two-person rule as the reason.
      if (change.authorId === p.userId || (await hasRoleOnChange(db, p, change, 'responder'))) return
      throw forbidden(`Approving ${change.key} needs the responder role on a team that owns one of its services`)
    default:
      if (change.authorId === p.userId || (await hasRoleOnChange(db, p, change, 'responder'))) return
      throw forbidden(`${GERUND[action]} ${change.key} needs its author or the responder role on a team that owns one of its services`)
  }
}

/**
 * The actions `p` may take on the change now: allowed by the state machine (two-person rule
 * included) and by their roles. What the UI and CLI offer as next steps.
 */
export async function allowedChangeActions(db: Db, p: Principal, change: ChangeRequest): Promise<ChangeAction[]> {
  const machine = { state: change.state, type: change.type, authorId: change.authorId, approvals: change.approvals.filter((a) => a.scope === 'change') }
  const out: ChangeAction[] = []
  for (const action of CHANGE_ACTIONS) {
    if (!transition(machine, action, p.userId).ok) continue
    try {
      await authorize(db, p, change, action)
      out.push(action)
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'E_FORBIDDEN') throw err
    }
  }
  return out
}

/** Files the review follow-up of an emergency change started without approval; returns when it is due. */
async function scheduleEmergencyReview(ctx: CommandCtx, change: ChangeRequest): Promise<Instant> {
  const teamId = (await owningTeamIds(ctx.db, change))[0]
  if (teamId === undefined) throw conflict(`${change.key} touches no service, so nobody can be asked to review it`)
  const team = await getTeam(ctx.db, teamId)
  const { policy } = await loadTeamPolicy(ctx.db, team)
  const due = reviewDueAt(policy, ctx.now)
  await fileFollowUp(ctx.db, ctx.now, {
    teamId,
    serviceId: change.serviceIds[0] ?? null,
    alertId: null,
    runId: null,
    kind: CHANGE_REVIEW_FOLLOW_UP,
    title: `Review emergency change ${change.key}: ${change.title}`,
    body: `${change.key} ("${change.title}") was started as an emergency change without approval by ${ctx.actor.label}. Someone other than the author must review it (approve it in Tend) by ${formatLocal(due, policy.timeZone, 'full')}.\n\nWorst case: ${change.worstCase}\nRollback: ${change.rollbackPlan.steps.join('; ')}`,
    forwardUrlSealed: null,
  })
  return due
}

/** Closes the open review follow-ups of an emergency change once someone reviewed it. */
async function closeReviewFollowUps(ctx: CommandCtx, change: ChangeRequest): Promise<void> {
  for (const teamId of await owningTeamIds(ctx.db, change)) {
    for (const f of await listFollowUps(ctx.db, { teamId, status: 'open' })) {
      if (f.kind === CHANGE_REVIEW_FOLLOW_UP && f.title.startsWith(`Review emergency change ${change.key}:`)) {
        await closeFollowUp(ctx.db, ctx.now, ctx.actor, f.id, `Reviewed and approved by ${ctx.actor.label} in Tend.`)
      }
    }
  }
}

/**
 * Applies `action` to a change as `p`, with its side effects (approval rows, review follow-up,
 * timestamps), and audits it. `comment` goes on the approval, or as a comment for other actions.
 */
export async function actOnChange(ctx: CommandCtx, p: Principal, ref: string, action: ChangeAction, comment = ''): Promise<ChangeRequest> {
  const before = await getChange(ctx.db, ref)
  await authorize(ctx.db, p, before, action)
  const result = transition({ state: before.state, type: before.type, authorId: before.authorId, approvals: before.approvals.filter((a) => a.scope === 'change') }, action, p.userId)
  if (!result.ok) throw new AppError(STATUS_OF[result.error.code], `${before.key}: ${result.error.message}`)
  if (action === 'submit') {
    try {
      await checkBody(ctx.db, bodyOf(before), 'submit')
    } catch (err) {
      if (err instanceof AppError && err.code === 'E_VALIDATION') throw validationError(err.fields, `${before.key} cannot be submitted yet: ${err.fields.length === 1 ? 'one field needs' : `${err.fields.length} fields need`} work`)
      throw err
    }
  }
  const set: { state: string; updated_at: Instant; started_at?: Instant | null; finished_at?: Instant | null; review_due_at?: Instant } = { state: result.state, updated_at: ctx.now }
  if (action === 'approve') {
    await ctx.db.insertInto('change_approvals').values({ change_request_id: before.id, user_id: p.userId, scope: 'change', comment: comment.trim(), at: ctx.now }).execute()
    if (before.reviewDueAt !== null) await closeReviewFollowUps(ctx, before)
  } else if (comment.trim() !== '') {
    await ctx.db.insertInto('change_comments').values({ id: newId(), change_request_id: before.id, user_id: p.userId, body: `${action}: ${comment.trim()}`, at: ctx.now }).execute()
  }
  if (action === 'start') set.started_at = ctx.now
  if (action === 'complete' || action === 'rollback') set.finished_at = ctx.now
  if (result.ok && result.clearApprovals === true) {
    await ctx.db.deleteFrom('change_approvals').where('change_request_id', '=', before.id).execute()
    set.started_at = null
    set.finished_at = null
  }
  if (result.ok && result.requiresReviewBy !== undefined) set.review_due_at = await scheduleEmergencyReview(ctx, before)
  await ctx.db.updateTable('change_requests').set(set).where('id', '=', before.id).execute()
  const after = await getChange(ctx.db, before.id)
  await recordAudit(ctx.db, ctx.now, {
    actor: ctx.actor,
    action: `change_request.${action}`,
    entityType: 'change_request',
    entityId: before.id,
    teamId: (await owningTeamIds(ctx.db, after))[0] ?? null,
    before: { state: before.state },
    after: { state: after.state, ...(comment.trim() === '' ? {} : { comment: comment.trim() }), ...(set.review_due_at === undefined ? {} : { reviewDueAt: set.review_due_at }) },
  })
  return after
}

/** States in which a freeze exception can be granted (it counts once the change is approved or under way). */
const EXCEPTION_STATES = ['submitted', 'approved', 'in_progress']

/** Grants `ref` an exception to a freeze: stored as an approval with scope = the freeze id. */
export async function approveFreezeException(ctx: CommandCtx, p: Principal, ref: string, freezeId: string, comment = ''): Promise<ChangeRequest> {
  const change = await getChange(ctx.db, ref)
  const freeze = await getFreeze(ctx.db, freezeId)
  if (!EXCEPTION_STATES.includes(change.state)) throw conflict(`${change.key} is ${change.state.replace('_', ' ')}: exceptions are granted to submitted, approved or in-progress changes`)
  if (freeze.end <= ctx.now) throw conflict(`freeze "${freeze.name}" is already over`)
  const services = await ctx.db.selectFrom('services').select(['id', 'team_id']).where('id', 'in', change.serviceIds.length === 0 ? [''] : [...change.serviceIds]).execute()
  if (!services.some((s) => freezeAppliesTo(freeze, { serviceId: s.id, teamId: s.team_id }))) throw conflict(`freeze "${freeze.name}" does not cover any service of ${change.key}: no exception is needed`)
  if (!mayApproveException(freeze, p)) {
    const names = [...(await usersById(ctx.db, freeze.approverIds)).values()].map((u) => u.name)
    throw forbidden(`Approving an exception to freeze "${freeze.name}" needs ${names.length === 0 ? 'a global administrator' : `one of its approvers (${names.join(', ')}) or a global administrator`}`)
  }
  if (change.authorId === p.userId) throw forbidden('the author cannot approve an exception for their own change: ask one of the freeze approvers')
  if (change.approvedFreezeExceptions.includes(freeze.id)) throw conflict(`${change.key} already has an exception to freeze "${freeze.name}"`)
  await ctx.db.insertInto('change_approvals').values({ change_request_id: change.id, user_id: p.userId, scope: freeze.id, comment: comment.trim(), at: ctx.now }).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'change_request.freeze_exception', entityType: 'change_request', entityId: change.id, after: { freezeId: freeze.id, freeze: freeze.name, comment: comment.trim() } })
  return getChange(ctx.db, change.id)
}

/** Withdraws a freeze exception (its approvers or a global admin). */
export async function revokeFreezeException(ctx: CommandCtx, p: Principal, ref: string, freezeId: string): Promise<ChangeRequest> {
  const change = await getChange(ctx.db, ref)
  const freeze = await getFreeze(ctx.db, freezeId)
  if (!mayApproveException(freeze, p)) throw forbidden(`Withdrawing an exception to freeze "${freeze.name}" needs one of its approvers or a global administrator`)
  if (!change.approvedFreezeExceptions.includes(freeze.id)) throw conflict(`${change.key} has no exception to freeze "${freeze.name}"`)
  await ctx.db.deleteFrom('change_approvals').where('change_request_id', '=', change.id).where('scope', '=', freeze.id).execute()
  await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'change_request.freeze_exception.revoke', entityType: 'change_request', entityId: change.id, before: { freezeId: freeze.id, freeze: freeze.name } })
  return getChange(ctx.db, change.id)
}
