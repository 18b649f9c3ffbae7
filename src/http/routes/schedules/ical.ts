import { Type } from 'typebox'
import { requireTeamRole } from '../../../domain/auth/index.js'
import { computeFinalShifts, getSchedule, loadOverrides, renderICalendar, userShifts } from '../../../domain/schedules/index.js'
import { getUser, usersById } from '../../../domain/users/index.js'
import { AppError, forbidden } from '../../../lib/errors.js'
import { hashSecret, randomToken, safeEqual } from '../../../lib/secrets.js'
import { DAY_MS } from '../../../lib/time/index.js'
import { recordAudit } from '../../../domain/audit/index.js'
import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { errorResponses, IdParams } from '../common.js'

/** The VEVENT lines of a rendered calendar, CRLF-terminated. */
function eventBlock(calendar: string): string[] {
  const start = calendar.indexOf('BEGIN:VEVENT')
  const end = calendar.lastIndexOf('END:VCALENDAR')
  return start === -1 ? [] : [calendar.slice(start, end)]
}

/** Feeds cover the last 30 days and the next 180, enough for calendar apps to show history and plans. */
const FEED_PAST_MS = 30 * DAY_MS
const FEED_FUTURE_MS = 180 * DAY_MS

const FeedUrl = Type.Object({ url: Type.String({ description: 'subscribable iCalendar URL with a secret token; shown once, rotating it revokes the old one' }) })
const FeedParams = Type.Object({ file: Type.String({ pattern: '^[0-9a-f-]+\\.ics$' }) })
const FeedQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) })

/** iCalendar (RFC 5545) feeds of a schedule and of a person's shifts, subscribable by a secret URL. */
export function registerICalRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  const db = deps.storage.db
  const notFoundFeed = () => new AppError('E_NOT_FOUND', 'No such calendar feed, or the token is wrong or was rotated')
  const tokenMatches = (stored: string | null, token: string) => stored !== null && safeEqual(stored, hashSecret(token))

  app.post('/api/v1/schedules/:id/ical-url', { schema: { tags: ['schedules'], summary: 'Create (or rotate) the secret iCalendar URL of a schedule', params: IdParams, response: { 200: FeedUrl, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const schedule = await getSchedule(ctx.db, request.params.id)
      requireTeamRole(ctx.principal, schedule.teamId, 'observer', 'Subscribing to a schedule')
      const token = randomToken(32)
      await ctx.db.updateTable('schedules').set({ ical_token_hash: hashSecret(token) }).where('id', '=', schedule.id).execute()
      await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'schedule.ical.rotate', entityType: 'schedule', entityId: schedule.id, teamId: schedule.teamId })
      return { url: `${deps.config.publicUrl}/ical/schedules/${schedule.id}.ics?token=${token}` }
    }),
  )

  app.post('/api/v1/users/:id/ical-url', { schema: { tags: ['users'], summary: "Create (or rotate) the secret iCalendar URL of a person's shifts (self or administrators)", params: IdParams, response: { 200: FeedUrl, ...errorResponses } } }, async (request) =>
    run(request, async (ctx) => {
      const user = await getUser(ctx.db, request.params.id)
      if (ctx.principal.userId !== user.id && !ctx.principal.isAdmin) throw forbidden("Another person's calendar URL needs a global administrator")
      const token = randomToken(32)
      await ctx.db.updateTable('users').set({ ical_token_hash: hashSecret(token) }).where('id', '=', user.id).execute()
      await recordAudit(ctx.db, ctx.now, { actor: ctx.actor, action: 'user.ical.rotate', entityType: 'user', entityId: user.id })
      return { url: `${deps.config.publicUrl}/ical/users/${user.id}.ics?token=${token}` }
    }),
  )

  app.get('/ical/schedules/:file', { config: { public: true }, schema: { tags: ['schedules'], summary: 'iCalendar feed of a schedule (token in the URL)', security: [], params: FeedParams, querystring: FeedQuery } }, async (request, reply) => {
    const id = request.params.file.replace(/\.ics$/, '')
    const row = await db.selectFrom('schedules').select('ical_token_hash').where('id', '=', id).executeTakeFirst()
    if (row === undefined || !tokenMatches(row.ical_token_hash, request.query.token)) throw notFoundFeed()
    const schedule = await getSchedule(db, id)
    const now = deps.clock.now()
    const from = now - FEED_PAST_MS
    const to = now + FEED_FUTURE_MS
    const shifts = computeFinalShifts(schedule, await loadOverrides(db, schedule.id, from, to), from, to)
    const users = await usersById(db, shifts.map((s) => s.userId).filter((x): x is string => x !== null))
    const body = renderICalendar({
      name: schedule.name,
      shifts,
      userNames: new Map([...users].map(([uid, u]) => [uid, u.name])),
      now,
      uidPrefix: `tend-${schedule.id}`,
    })
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body)
  })

  app.get('/ical/users/:file', { config: { public: true }, schema: { tags: ['users'], summary: "iCalendar feed of a person's shifts (token in the URL)", security: [], params: FeedParams, querystring: FeedQuery } }, async (request, reply) => {
    const id = request.params.file.replace(/\.ics$/, '')
    const row = await db.selectFrom('users').select(['ical_token_hash', 'name']).where('id', '=', id).executeTakeFirst()
    if (row === undefined || !tokenMatches(row.ical_token_hash, request.query.token)) throw notFoundFeed()
    const now = deps.clock.now()
    const shifts = await userShifts(db, id, now - FEED_PAST_MS, now + FEED_FUTURE_MS)
    // One VEVENT block per schedule (so each event names its schedule), merged into one calendar.
    const bySchedule = new Map<string, { name: string; shifts: typeof shifts[number]['shift'][] }>()
    for (const { schedule, shift } of shifts) {
      const group = bySchedule.get(schedule.id) ?? { name: schedule.name, shifts: [] }
      group.shifts.push(shift)
      bySchedule.set(schedule.id, group)
    }
    const events = [...bySchedule].flatMap(([scheduleId, group]) =>
      eventBlock(renderICalendar({ name: group.name, shifts: group.shifts, userNames: new Map([[id, row.name]]), now, uidPrefix: `tend-${scheduleId}` })),
    )
    const shell = renderICalendar({ name: `On call: ${row.name}`, shifts: [], userNames: new Map(), now, uidPrefix: `tend-user-${id}` })
    const body = shell.replace('END:VCALENDAR\r\n', `${events.join('')}END:VCALENDAR\r\n`)
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body)
  })
}
