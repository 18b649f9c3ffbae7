import { describe, expect, it } from 'vitest'
import { localTime, toLocal, type Instant } from '../../lib/time/index.js'
import type { Layer } from './model.js'
import { gridIndexAt, handoffAt, rotationGrid, rotationTurns } from './rotation.js'

const utc = (text: string): Instant => Date.parse(text)

function layer(overrides: Partial<Layer> = {}): Layer {
  return {
    id: 'primary',
    name: 'Primary',
    timeZone: null,
    startsAt: utc('2024-03-04T14:00:00Z'), // Monday 09:00 EST
    endsAt: null,
    shiftLength: 1,
    shiftUnit: 'weeks',
    handoffTime: localTime('09:00'),
    members: ['alice', 'bob', 'carol'],
    restrictions: [],
    ...overrides,
  }
}

const NY = 'America/New_York'
const summary = (turns: { start: Instant; end: Instant; userId: string }[]): string[] =>
  turns.map((t) => `${new Date(t.start).toISOString()} ${t.userId}`)

describe('rotationTurns', () => {
  it('rotates members in order, wrapping around, with weekly handoffs at 09:00 local', () => {
    const turns = rotationTurns(layer(), NY, utc('2024-03-04T14:00:00Z'), utc('2024-04-01T13:00:00Z'))
    expect(summary(turns)).toEqual([
      '2024-03-04T14:00:00.000Z alice',
      '2024-03-11T13:00:00.000Z bob', // DST began on the 10th: 09:00 EDT
      '2024-03-18T13:00:00.000Z carol',
      '2024-03-25T13:00:00.000Z alice',
    ])
    expect(turns.at(-1)?.end).toBe(utc('2024-04-01T13:00:00Z'))
  })

  it('has nobody before startsAt or from endsAt on', () => {
    const l = layer({ endsAt: utc('2024-03-13T00:00:00Z') })
    const turns = rotationTurns(l, NY, utc('2024-03-01T00:00:00Z'), utc('2024-03-20T00:00:00Z'))
    expect(turns[0]?.start).toBe(l.startsAt)
    expect(turns.at(-1)?.end).toBe(l.endsAt)
    expect(rotationTurns(l, NY, utc('2024-03-01T00:00:00Z'), l.startsAt)).toEqual([])
    expect(rotationTurns(l, NY, utc('2024-03-13T00:00:00Z'), utc('2024-03-20T00:00:00Z'))).toEqual([])
  })

  it('gives members[0] the grid turn containing startsAt, clipped to it', () => {
    // startsAt Monday 10:00 local, after that day's 09:00 handoff: alice until next Monday 09:00.
    const late = layer({ startsAt: utc('2024-03-04T15:00:00Z') })
    expect(summary(rotationTurns(late, NY, late.startsAt, utc('2024-03-12T00:00:00Z')))).toEqual([
      '2024-03-04T15:00:00.000Z alice',
      '2024-03-11T13:00:00.000Z bob',
    ])
    // startsAt Monday 06:00 local, before the handoff: alice only until 09:00 that day.
    const early = layer({ startsAt: utc('2024-03-04T11:00:00Z') })
    expect(summary(rotationTurns(early, NY, early.startsAt, utc('2024-03-05T00:00:00Z')))).toEqual([
      '2024-03-04T11:00:00.000Z alice',
      '2024-03-04T14:00:00.000Z bob',
    ])
  })

  it('lets a member appear more than once', () => {
    const l = layer({ shiftUnit: 'days', members: ['alice', 'alice', 'bob'], timeZone: 'UTC', startsAt: utc('2024-01-01T09:00:00Z') })
    const turns = rotationTurns(l, NY, l.startsAt, utc('2024-01-05T09:00:00Z'))
    expect(turns.map((t) => t.userId)).toEqual(['alice', 'alice', 'bob', 'alice'])
  })

  it('jumps straight to the turn at `from` for a layer that began decades ago', () => {
    const l = layer({ shiftUnit: 'days', timeZone: 'UTC', startsAt: utc('2000-01-01T00:00:00Z'), handoffTime: localTime('00:00') })
    // 10958 days from 2000-01-01 to 2030-01-01; 10958 mod 3 = 2.
    const turns = rotationTurns(l, NY, utc('2030-01-01T00:00:00Z'), utc('2030-01-02T00:00:00Z'))
    expect(turns).toEqual([{ start: utc('2030-01-01T00:00:00Z'), end: utc('2030-01-02T00:00:00Z'), userId: 'carol' }])
  })

  it('adds wall-clock hours: a 5h rotation drifts through the day', () => {
    const l = layer({ shiftUnit: 'hours', shiftLength: 5, timeZone: 'UTC', startsAt: utc('2024-01-01T09:00:00Z') })
    const starts = rotationTurns(l, NY, l.startsAt, utc('2024-01-02T12:00:00Z')).map((t) => toLocal(t.start, 'UTC').time)
    expect(starts).toEqual(['09:00', '14:00', '19:00', '00:00', '05:00', '10:00'])
  })

  it('uses the layer zone when set, the schedule zone otherwise', () => {
    const berlin = layer({ timeZone: 'Europe/Berlin', startsAt: utc('2024-01-01T08:00:00Z') })
    expect(rotationTurns(berlin, NY, berlin.startsAt, utc('2024-01-09T00:00:00Z'))[1]?.start).toBe(utc('2024-01-08T08:00:00Z'))
  })
})

describe('handoff grid', () => {
  it('finds the turn containing an instant, handoff instants inclusive', () => {
    const grid = rotationGrid(layer(), NY)
    expect(gridIndexAt(grid, utc('2024-03-11T12:59:59.999Z'))).toBe(0)
    expect(gridIndexAt(grid, utc('2024-03-11T13:00:00Z'))).toBe(1)
    expect(handoffAt(grid, 1)).toBe(utc('2024-03-11T13:00:00Z'))
    expect(handoffAt(grid, -1)).toBe(utc('2024-02-26T14:00:00Z'))
  })

  it('never lets a handoff pushed through a long gap overtake later ones (Samoa skipped 2011-12-30)', () => {
    const apia = layer({
      timeZone: 'Pacific/Apia',
      shiftUnit: 'hours',
      shiftLength: 6,
      startsAt: utc('2011-12-28T00:00:00Z'),
      handoffTime: localTime('03:00'),
    })
    const local = (turns: { start: Instant; userId: string }[]): string[] =>
      turns.map((t) => `${toLocal(t.start, 'Pacific/Apia').date} ${toLocal(t.start, 'Pacific/Apia').time} ${t.userId}`)
    const turns = rotationTurns(apia, NY, utc('2011-12-29T20:00:00Z'), utc('2011-12-31T08:00:00Z'))
    // Clocks went from 2011-12-29 23:59:59 (-10:00) to 2011-12-31 00:00 (+14:00). The four turns
    // of the skipped day are empty; the rotation moves past them (carol, alice, bob, carol).
    expect(local(turns)).toEqual([
      '2011-12-29 10:00 carol',
      '2011-12-29 15:00 alice',
      '2011-12-29 21:00 bob',
      '2011-12-31 03:00 alice',
      '2011-12-31 09:00 bob',
      '2011-12-31 15:00 carol',
      '2011-12-31 21:00 alice',
    ])
    turns.forEach((t, i) => {
      expect(t.end).toBeGreaterThan(t.start)
      if (i > 0) expect(t.start).toBe(turns[i - 1]?.end)
    })
    // Jumping into the middle agrees with walking from before the gap.
    const jumped = rotationTurns(apia, NY, utc('2011-12-30T14:30:00Z'), utc('2011-12-31T08:00:00Z'))
    expect(local(jumped)).toEqual(['2011-12-31 04:30 alice', ...local(turns).slice(4)])
  })
})
