/**
 * Builders for the on-call health smoke tests: a team whose people are paged by a real webhook
 * receiver (interrupting, at /<userId>) and also have a quiet, non-interrupting webhook for
 * notices (at /quiet/<userId>), a team channel (at /team/<teamId>), a rotation and a service.
 */
import type { TestApp } from '../harness/app.js'
import { addMember, buildPagedPerson, buildPagedService, buildSchedule, buildTeam, pdTrigger, tokenFor } from '../harness/factories.js'
import type { WebhookReceiver } from '../harness/receivers.js'

export const MIN = 60_000
export const HOUR = 60 * MIN

export interface Person {
  readonly id: string
  readonly name: string
}

/** Adds a verified, non-interrupting webhook at /quiet/<userId>: where notices go. */
export async function addQuietMethod(app: TestApp, hookUrl: string, userId: string): Promise<void> {
  const m = await app.call('POST', `/api/v1/users/${userId}/contact-methods`, { type: 'webhook', address: `${hookUrl}/quiet/${userId}`, label: 'Chat', interrupting: false })
  if (m.status !== 201) throw new Error(`quiet method: ${JSON.stringify(m.body)}`)
  await app.call('POST', `/api/v1/users/${userId}/contact-methods/${m.body.id}/mark-verified`)
}

export interface HealthTeam {
  readonly team: { id: string; name: string }
  readonly people: Person[]
  readonly admin: Person
  readonly scheduleId: string
  readonly serviceId: string
  readonly key: string
}

/**
 * A team in `zone` with a weekly rotation of `names` (first on call from `startsAt`), an admin
 * outside the rotation, a team webhook channel, and a service paging the schedule.
 */
export async function buildHealthTeam(
  app: TestApp,
  hookUrl: string,
  opts: { names: readonly string[]; zone?: string; startsAt: string; peopleZones?: readonly string[]; channel?: boolean },
): Promise<HealthTeam> {
  const zone = opts.zone ?? 'Europe/Berlin'
  const team = await buildTeam(app, { timeZone: zone })
  const people: Person[] = []
  for (const [i, name] of opts.names.entries()) {
    const p = await buildPagedPerson(app, hookUrl, { name, timeZone: opts.peopleZones?.[i] ?? zone })
    await addQuietMethod(app, hookUrl, p.id)
    await addMember(app, team.id, p.id, 'responder')
    people.push(p)
  }
  const admin = await buildPagedPerson(app, hookUrl, { name: `Lead of ${team.name}`, timeZone: zone })
  await addQuietMethod(app, hookUrl, admin.id)
  await addMember(app, team.id, admin.id, 'admin')
  const schedule = await buildSchedule(app, team.id, [{ name: 'Weekly', startsAt: opts.startsAt, shiftLength: 1, shiftUnit: 'weeks', handoffTime: '09:00', members: people.map((p) => p.id) }], { timeZone: zone })
  const svc = await buildPagedService(app, team.id, [{ targets: [{ type: 'schedule', id: schedule.id }], delayMinutes: 30 }])
  if (opts.channel !== false) {
    const ch = await app.call('POST', `/api/v1/teams/${team.id}/channels`, { type: 'webhook', address: `${hookUrl}/team/${team.id}`, label: 'Team room' })
    if (ch.status !== 201) throw new Error(`channel: ${JSON.stringify(ch.body)}`)
  }
  return { team, people, admin, scheduleId: schedule.id, serviceId: svc.serviceId, key: svc.key }
}

/** Triggers a critical (high-urgency) alert at the clock's now and runs the engine; returns the alert id. */
export async function page(app: TestApp, key: string, summary: string): Promise<string> {
  const res = await app.call('POST', '/v2/enqueue', pdTrigger(key, summary, { dedup_key: summary }), null)
  if (res.status !== 202) throw new Error(`enqueue: ${res.status} ${JSON.stringify(res.body)}`)
  await app.settle()
  const alerts = await app.call('GET', `/api/v1/alerts?status=open`)
  const alert = alerts.body.items.find((a: { summary: string }) => a.summary === summary)
  if (alert === undefined) throw new Error(`no alert ${summary}`)
  return alert.id as string
}

/** Acknowledges an alert as the person (with their own token). */
export async function acknowledgeAs(app: TestApp, userId: string, alertId: string): Promise<void> {
  const res = await app.call('POST', `/api/v1/alerts/${alertId}/acknowledge`, undefined, await tokenFor(app, userId))
  if (res.status !== 200) throw new Error(`ack: ${res.status} ${JSON.stringify(res.body)}`)
}

/** Requests the receiver got on a path prefix. */
export const received = (hooks: WebhookReceiver, path: string) => hooks.requests.filter((r) => r.path === path)

/** Pages (alert messages) a person received on their interrupting webhook. */
export const pagesOf = (hooks: WebhookReceiver, userId: string) => received(hooks, `/${userId}`).filter((r) => r.json?.kind === 'alert').map((r) => String(r.json.alert.summary))

/** Runs the `tend` CLI in-process against the test app (as the token's owner), capturing its output. */
export async function tendCli(app: TestApp, token: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/cli/main.js')
  let stdout = ''
  let stderr = ''
  const out = process.stdout.write.bind(process.stdout)
  const err = process.stderr.write.bind(process.stderr)
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write
  try {
    const code = await main(['node', 'tend', '--server', app.url, '--token', token, '--zone', 'Europe/Berlin', ...args])
    return { code, stdout, stderr }
  } finally {
    process.stdout.write = out
    process.stderr.write = err
  }
}
