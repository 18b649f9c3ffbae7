import { describe, expect, it } from 'vitest'
import { HOUR_MS, MINUTE_MS } from '../../lib/time/index.js'
import { measureBurden, type BurdenInput } from './metrics.js'
import type { AlertRecord } from './model.js'
import { derivePages } from './pages.js'
import { at, person, sent } from './test-fixtures.js'

const ana = person('ana', 'Europe/Berlin')
const nat = person('nat', 'America/New_York')
const range = { start: at('2026-03-09T00:00:00+01:00'), end: at('2026-03-16T00:00:00+01:00') }

const alert = (id: string, createdAt: string, acknowledgedBy: string | null, ack: string | null, resolved: string | null): AlertRecord => ({
  id,
  createdAt: at(createdAt),
  acknowledgedBy,
  acknowledgedAt: ack === null ? null : at(ack),
  resolvedAt: resolved === null ? null : at(resolved),
})

/** A week for two people: see each figure's comment for the arithmetic. */
const week: BurdenInput = {
  range,
  now: range.end,
  people: [ana, nat],
  pages: derivePages([
    sent('a0', 'ana', '2026-03-08T23:50:00+01:00'), // before the range; its wake-up began before the range
    sent('a7', 'ana', '2026-03-09T00:10:00+01:00'), // in range, same wake-up as a0: a sleep page, not a new wake-up
    sent('a1', 'ana', '2026-03-10T02:00:00+01:00'),
    sent('a1', 'ana', '2026-03-10T02:00:04+01:00'), // second channel
    sent('a2', 'ana', '2026-03-10T02:10:00+01:00'), // same wake-up as a1
    sent('a3', 'ana', '2026-03-10T19:00:00+01:00'), // off hours
    sent('a4', 'ana', '2026-03-11T10:00:00+01:00'), // working hours
    sent('a5', 'nat', '2026-03-13T03:00:00-04:00'), // sleep, New York
    sent('a6', 'nat', '2026-03-14T12:00:00-04:00'), // Saturday: off hours
    sent('x1', 'zed', '2026-03-10T03:00:00+01:00'), // not on this team: ignored
  ]),
  shifts: [
    { userId: 'ana', start: at('2026-03-09T09:00:00+01:00'), end: at('2026-03-12T09:00:00+01:00') }, // 72 h
    { userId: 'ana', start: at('2026-03-09T12:00:00+01:00'), end: at('2026-03-10T12:00:00+01:00') }, // second schedule, overlapping
    { userId: null, start: at('2026-03-08T09:00:00+01:00'), end: at('2026-03-09T09:00:00+01:00') }, // a gap
    { userId: 'nat', start: at('2026-03-12T09:00:00+01:00'), end: at('2026-03-16T09:00:00+01:00') }, // 87 h inside the range
  ],
  alerts: [
    alert('a1', '2026-03-10T01:59:30+01:00', 'ana', '2026-03-10T02:05:00+01:00', '2026-03-10T03:05:00+01:00'), // 60 min off hours; TTA 5 min from the page
    alert('a2', '2026-03-10T02:10:00+01:00', 'ana', '2026-03-10T02:12:00+01:00', '2026-03-10T02:40:00+01:00'), // inside a1's time: no extra; TTA 2
    alert('a3', '2026-03-10T19:00:00+01:00', 'ana', '2026-03-10T19:01:00+01:00', '2026-03-10T19:31:00+01:00'), // 30 min off; TTA 1
    alert('a4', '2026-03-11T10:00:00+01:00', 'ana', '2026-03-11T10:04:00+01:00', '2026-03-11T10:34:00+01:00'), // working; TTA 4
    alert('a9', '2026-03-11T16:20:00+01:00', 'ana', '2026-03-11T16:30:00+01:00', '2026-03-11T17:30:00+01:00'), // 60 min, 30 off; unpaged: TTA 10 from creation
    alert('a5', '2026-03-13T02:59:00-04:00', 'nat', '2026-03-13T03:10:00-04:00', '2026-03-13T03:40:00-04:00'), // 30 min off; TTA 10
    alert('a8', '2026-03-15T16:50:00-04:00', 'nat', '2026-03-15T17:00:00-04:00', null), // open: until now (19:00 EDT), 120 min off; TTA 10
    alert('a6', '2026-03-14T12:00:00-04:00', null, null, null), // never acknowledged
  ],
}

describe('measureBurden per person', () => {
  const report = measureBurden(week)
  const byId = new Map(report.people.map((p) => [p.userId, p]))

  it('counts pages by bucket, wake-ups and nights in the person’s zone', () => {
    expect(byId.get('ana')).toMatchObject({ pages: 5, sleepHoursPages: 3, offHoursPages: 1, workingHoursPages: 1, wakeUps: 1, nightsDisturbed: 1 })
    expect(byId.get('nat')).toMatchObject({ pages: 2, sleepHoursPages: 1, offHoursPages: 1, workingHoursPages: 0, wakeUps: 1, nightsDisturbed: 1 })
  })

  it('measures time on call from merged shifts, clipped to the range, against the 25% bar', () => {
    expect(byId.get('ana')).toMatchObject({ onCallMs: 72 * HOUR_MS, longestOnCallMs: 72 * HOUR_MS, overOnCallShareBar: true })
    expect(byId.get('ana')?.onCallShare).toBeCloseTo(72 / 168)
    expect(byId.get('nat')).toMatchObject({ onCallMs: 87 * HOUR_MS })
  })

  it('measures engagement (overlaps once, open alerts until now) and the part outside working hours', () => {
    expect(byId.get('ana')).toMatchObject({ engagedMs: 180 * MINUTE_MS, engagedOffHoursMs: 120 * MINUTE_MS, acknowledged: 5 })
    expect(byId.get('nat')).toMatchObject({ engagedMs: 150 * MINUTE_MS, engagedOffHoursMs: 150 * MINUTE_MS, acknowledged: 2 })
  })

  it('measures time to acknowledge from the person’s first page, else from the alert’s creation', () => {
    expect(byId.get('ana')?.meanTimeToAckMs).toBe(((5 + 2 + 1 + 4 + 10) / 5) * MINUTE_MS)
    expect(byId.get('nat')?.meanTimeToAckMs).toBe(10 * MINUTE_MS)
  })

  it('measures incidents per 12-hour on-call shift against Google SRE’s bar of 2', () => {
    expect(byId.get('ana')).toMatchObject({ incidents: 5, overIncidentBar: false })
    expect(byId.get('ana')?.incidentsPer12hShift).toBeCloseTo(5 / 6)
  })
})

describe('measureBurden for the team', () => {
  it('sums people, counts distinct incidents over the covered time, and averages the on-call share', () => {
    const { team } = measureBurden(week)
    expect(team).toMatchObject({
      people: 2,
      pages: 7,
      sleepHoursPages: 4,
      offHoursPages: 2,
      workingHoursPages: 1,
      wakeUps: 2,
      nightsDisturbed: 2,
      nightsDisturbedPerWeek: 2,
      engagedMs: 330 * MINUTE_MS,
      engagedOffHoursMs: 270 * MINUTE_MS,
      acknowledged: 7,
      meanTimeToAckMs: 6 * MINUTE_MS,
      incidents: 7,
      onCallMs: 159 * HOUR_MS,
      coveredMs: 159 * HOUR_MS,
      overIncidentBar: false,
      overOnCallShareBar: true,
    })
    expect(team.incidentsPer12hShift).toBeCloseTo(7 / (159 / 12))
    expect(team.onCallShare).toBeCloseTo(159 / 336)
  })

  it('returns the classified pages and wake-ups inside the range for drill-down', () => {
    const report = measureBurden(week)
    expect(report.pages.map((p) => p.alertId)).toEqual(['a7', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'])
    expect(report.wakeUps.map((w) => w.alertIds)).toEqual([['a1', 'a2'], ['a5']])
  })
})

describe('measureBurden edge cases', () => {
  it('gives every person a row, with null rates when there is nothing to divide by', () => {
    const { people, team } = measureBurden({ ...week, people: [person('quiet', 'Asia/Kolkata')], pages: [], shifts: [], alerts: [] })
    expect(people[0]).toMatchObject({ pages: 0, onCallMs: 0, incidentsPer12hShift: null, meanTimeToAckMs: null, overIncidentBar: false })
    expect(team).toMatchObject({ pages: 0, incidentsPer12hShift: null, meanTimeToAckMs: null })
  })

  it('flags more than 2 incidents per 12-hour shift', () => {
    const r = measureBurden({
      ...week,
      people: [ana],
      shifts: [{ userId: 'ana', start: at('2026-03-10T09:00:00+01:00'), end: at('2026-03-10T21:00:00+01:00') }],
      pages: derivePages(['a', 'b', 'c'].map((id, i) => sent(id, 'ana', `2026-03-10T1${i}:00:00+01:00`))),
    })
    expect(r.people[0]).toMatchObject({ incidents: 3, incidentsPer12hShift: 3, overIncidentBar: true })
  })

  it('rejects an empty range', () => {
    expect(() => measureBurden({ ...week, range: { start: range.start, end: range.start } })).toThrow(RangeError)
  })
})
