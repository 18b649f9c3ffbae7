import { describe, expect, it } from 'vitest'
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import { measureBurden, type BurdenReport } from './metrics.js'
import type { OnCallShift, PersonHours } from './model.js'
import { derivePages } from './pages.js'
import { recommend } from './recommendations.js'
import { at, person, sent } from './test-fixtures.js'

const start = at('2026-03-09T00:00:00+01:00')
const berlin = (id: string) => person(id, 'Europe/Berlin')

function report(people: readonly PersonHours[], pages: readonly [string, string][], shifts: readonly OnCallShift[] = [], days = 7): BurdenReport {
  const end: Instant = start + days * DAY_MS
  return measureBurden({
    range: { start, end },
    now: end,
    people,
    pages: derivePages(pages.map(([userId, when], i) => sent(`a${i}`, userId, when))),
    shifts,
    alerts: [],
  })
}

/** A 24/7 weekly rotation in which everyone is on call 1 week in `people.length`, over that many weeks. */
function healthyRotation(people: readonly PersonHours[]): OnCallShift[] {
  return people.map((p, i) => ({ userId: p.id, start: start + i * 7 * DAY_MS, end: start + (i + 1) * 7 * DAY_MS }))
}

describe('recommendations', () => {
  it('a healthy team of 8 in one site with a quiet week gets none', () => {
    const eight = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(berlin)
    const r = report(eight, [['a', '2026-03-10T11:00:00+01:00']], healthyRotation(eight), 56)
    expect(recommend(r, { tiers: 2, coverage: '24/7' }).map((x) => x.message)).toEqual([])
  })

  it('disasters most nights: more than 2 disturbed nights a week', () => {
    const nights = ['10', '11', '12', '13'].map((d): [string, string] => ['ana', `2026-03-${d}T03:00:00+01:00`])
    const [rec] = recommend(report([berlin('ana')], nights), { tiers: 1, coverage: 'partial' })
    expect(rec).toMatchObject({
      code: 'nights-disturbed',
      severity: 'critical',
      figures: { nightsDisturbed: 4, weeks: 1, nightsPerWeek: 4, limit: 2, wakeUps: 4 },
    })
    expect(rec?.message).toBe(
      'Disasters most nights: 4 disturbed nights in 1 weeks (4 a week, limit 2). Add people to the rotation or rotate more often, and move alarms that can wait to low urgency.',
    )
    expect(rec?.source).toContain('sre.google')
  })

  it('one person carries most of the pages: more than 50% with 3 or more people', () => {
    const pages: [string, string][] = [
      ['ana', '2026-03-10T10:00:00+01:00'],
      ['ana', '2026-03-10T11:00:00+01:00'],
      ['ana', '2026-03-10T12:00:00+01:00'],
      ['ben', '2026-03-10T13:00:00+01:00'],
    ]
    const three = report(['ana', 'ben', 'cleo'].map(berlin), pages)
    const rec = recommend(three, { tiers: 1, coverage: 'partial' }).find((r) => r.code === 'pages-concentrated')
    expect(rec?.figures).toEqual({ userId: 'ana', pages: 3, teamPages: 4, share: 0.75, people: 3, limit: 0.5 })
    expect(rec?.message).toMatch(/^One person carries most of the pages: ana received 3 of 4 \(75%\) among 3 people\./)
    const fewPages = report(['ana', 'ben', 'cleo'].map(berlin), pages.slice(1))
    expect(recommend(fewPages, { tiers: 1, coverage: 'partial' }).map((r) => r.code)).not.toContain('pages-concentrated')
    const two = report(['ana', 'ben'].map(berlin), pages)
    expect(recommend(two, { tiers: 1, coverage: 'partial' }).map((r) => r.code)).not.toContain('pages-concentrated')
  })

  it('too few people for a healthy rotation, with the rotation-size math', () => {
    const people = [berlin('a'), berlin('b'), berlin('c'), person('d', 'America/New_York'), person('e', 'America/New_York')]
    const rec = recommend(report(people, []), { tiers: 2, coverage: '24/7' }).find((r) => r.code === 'rotation-too-small')
    expect(rec?.message).toBe(
      'Too few people for a healthy rotation: 5 people in 2 time zones: 3 in Europe/Berlin, 2 in America/New_York; a 24/7 rotation with a primary and a secondary needs 12 (6 per site). Add people, drop the secondary, or cover fewer hours.',
    )
    expect(rec?.figures).toMatchObject({ people: 5, sites: 2, 'people:Europe/Berlin': 3, 'people:America/New_York': 2, neededPerSite: 6, needed: 12 })
    expect(rec?.severity).toBe('critical')
    expect(recommend(report(people, []), { tiers: 2, coverage: 'partial' }).map((r) => r.code)).not.toContain('rotation-too-small')
  })

  it('shifts too long: on call continuously for more than a week', () => {
    const shifts = [{ userId: 'ana', start, end: start + 10 * DAY_MS }]
    const rec = recommend(report([berlin('ana')], [], shifts, 14), { tiers: 1, coverage: 'partial' }).find((r) => r.code === 'shifts-too-long')
    expect(rec?.figures).toEqual({ userId: 'ana', longestHours: 240, limitHours: 168 })
  })

  it('more than 2 incidents per 12-hour shift', () => {
    const shifts = [{ userId: 'ana', start: at('2026-03-10T09:00:00+01:00'), end: at('2026-03-10T21:00:00+01:00') }]
    const pages: [string, string][] = ['10', '11', '12'].map((h) => ['ana', `2026-03-10T${h}:00:00+01:00`])
    const rec = recommend(report([berlin('ana')], pages, shifts), { tiers: 1, coverage: 'partial' }).find((r) => r.code === 'incidents-per-shift')
    expect(rec?.figures).toEqual({ incidents: 3, onCallHours: 12, incidentsPer12hShift: 3, limit: 2, followUpHoursPerIncident: 6 })
  })

  it('on call more than 25% of the time, with the share math', () => {
    const people = ['ana', 'ben', 'cleo'].map(berlin)
    const shifts = [{ userId: 'ana', start, end: start + 3 * DAY_MS }, { userId: 'ben', start: start + 3 * DAY_MS, end: start + 7 * DAY_MS }]
    const rec = recommend(report(people, [], shifts), { tiers: 1, coverage: 'partial' }).find((r) => r.code === 'on-call-share')
    expect(rec?.message).toBe(
      'On call more than 25% of the time: 2 of 3 people, most ben at 57%. With 3 people and 1 on call at once, each is on call 1/3 = 33% of the time; staying at 25% needs 4 people.',
    )
    expect(rec?.figures).toMatchObject({ peopleOver: 2, share: 0.57, peopleNeeded: 4 })
  })

  it('lists critical recommendations first', () => {
    const people = [berlin('ana'), berlin('ben')]
    const shifts = [{ userId: 'ana', start, end: start + 7 * DAY_MS }]
    const severities = recommend(report(people, [], shifts), { tiers: 2, coverage: '24/7' }).map((r) => r.severity)
    expect(severities).toEqual([...severities].sort((a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b)))
    expect(severities[0]).toBe('critical')
  })
})
