import type { Db } from '../../storage/index.js'
import { listPolicies } from '../escalation/index.js'
import { listSchedules } from '../schedules/index.js'
import { listContactMethodsMeta, listNotificationRules, usersById } from '../users/index.js'

/** Whether one person can be woken: a verified interrupting method used by a high-urgency rule. */
export interface PersonReadiness {
  readonly userId: string
  readonly name: string
  readonly ready: boolean
  readonly problems: readonly string[]
  /** Where the person is expected to answer: schedules and policies by name. */
  readonly onCallIn: readonly string[]
}

export interface ReadinessScope {
  readonly teamId?: string | undefined
  readonly scheduleIds?: readonly string[] | undefined
  readonly policyIds?: readonly string[] | undefined
}

/**
 * Checks everyone who can be paged through the given schedules and policies (or a whole team's):
 * a person with no verified interrupting contact method cannot be woken, and is flagged.
 */
export async function checkReadiness(db: Db, scope: ReadinessScope): Promise<PersonReadiness[]> {
  const schedules = (await listSchedules(db, { teamId: scope.teamId })).filter((s) => scope.scheduleIds === undefined || scope.scheduleIds.includes(s.id))
  const policies = (await listPolicies(db, { teamId: scope.teamId })).filter((p) => scope.policyIds === undefined || scope.policyIds.includes(p.id))
  const where = new Map<string, Set<string>>()
  const add = (userId: string, place: string) => where.set(userId, (where.get(userId) ?? new Set()).add(place))
  const onlyPolicies = scope.policyIds !== undefined && scope.scheduleIds === undefined
  const onlySchedules = scope.scheduleIds !== undefined && scope.policyIds === undefined
  if (!onlyPolicies) for (const s of schedules) for (const l of s.layers) for (const m of l.members) add(m, s.name)
  if (!onlySchedules) {
    const allSchedules = await listSchedules(db)
    for (const p of policies)
      for (const step of p.steps)
        for (const t of step.targets) {
          if (t.type === 'user') add(t.id, p.name)
          else for (const l of allSchedules.find((s) => s.id === t.id)?.layers ?? []) for (const m of l.members) add(m, p.name)
        }
  }
  const users = await usersById(db, [...where.keys()])
  const out: PersonReadiness[] = []
  for (const [userId, places] of where) {
    const [methods, rules] = await Promise.all([listContactMethodsMeta(db, userId), listNotificationRules(db, userId)])
    const problems: string[] = []
    const wakers = methods.filter((m) => m.interrupting && m.verified)
    if (wakers.length === 0) {
      problems.push(methods.some((m) => m.interrupting) ? 'their interrupting contact methods are not verified' : 'has no interrupting contact method (push, SMS, voice…)')
    } else if (!rules.some((r) => r.urgency === 'high' && wakers.some((m) => m.id === r.contactMethodId))) {
      problems.push('no high-urgency notification rule uses a verified interrupting method')
    }
    out.push({ userId, name: users.get(userId)?.name ?? userId, ready: problems.length === 0, problems, onCallIn: [...places].sort() })
  }
  return out.sort((a, b) => a.name.localeCompare(b.name))
}

/** Readiness problems as sentences, for the `warnings` of a saved schedule or policy. */
export async function readinessWarnings(db: Db, scope: ReadinessScope): Promise<string[]> {
  return (await checkReadiness(db, scope)).filter((r) => !r.ready).map((r) => `${r.name} cannot be woken: ${r.problems.join('; ')}`)
}
