/**
 * Telling a team: a message on every team channel; a team without channels is told through
 * its admins instead (a quiet notice each, held to their working hours), so a notice is never
 * silently dropped because nobody set up a channel.
 */
import type { Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import type { Team } from '../teams/index.js'
import { listTeamMembers } from '../teams/index.js'
import { nextWorkingStart, usersById } from '../users/index.js'
import { noticePerson } from './person-notice.js'
import { enqueueTeamMessage, hasTeamChannels, type TeamMessageKind } from './team-messages.js'

/** A notice for a whole team. */
export interface TeamNotice {
  readonly kind: TeamMessageKind
  readonly idempotencyKey: string
  readonly subject: string
  readonly text: string
  readonly payload: Record<string, unknown>
}

/** Queues the notice on the team's channels, or for its admins when it has none. Returns where it went. */
export async function tellTeam(db: Db, now: Instant, team: Pick<Team, 'id' | 'name'>, n: TeamNotice, opts: { exceptUserIds?: readonly string[] } = {}): Promise<'channels' | 'admins' | 'nobody'> {
  if (await hasTeamChannels(db, team.id)) {
    await enqueueTeamMessage(db, now, { teamId: team.id, kind: n.kind, idempotencyKey: n.idempotencyKey, subject: n.subject, text: n.text, payload: n.payload })
    return 'channels'
  }
  const except = new Set(opts.exceptUserIds ?? [])
  const admins = (await listTeamMembers(db, team.id)).filter((m) => m.role === 'admin' && !except.has(m.userId)).map((m) => m.userId)
  const users = await usersById(db, admins)
  let told = 0
  for (const user of users.values()) {
    const ok = await noticePerson(db, now, user, {
      idempotencyKey: `team:${n.idempotencyKey}:u:${user.id}`,
      subject: `[${team.name}] ${n.subject}`,
      text: `${n.text}\n\n(Sent to you as an admin of ${team.name}, which has no team channel; add one under the team's on-call health settings.)`,
      payload: { ...n.payload, kind: n.kind, teamId: team.id },
      notBefore: nextWorkingStart(user, now),
    })
    if (ok) told++
  }
  return told > 0 ? 'admins' : 'nobody'
}
