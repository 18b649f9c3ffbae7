import { describe, expect, it } from 'vitest'
import { markerLanes, placeOnDay, positionOnDay, subtractSpans, supportTail } from './calendar-layout'

const H = 3_600_000
const span = (start: number, end: number) => ({ start: start * H, end: end * H })

describe('supportTail', () => {
  it('is the part of a window that is not deployable, minus holidays and freezes', () => {
    expect(supportTail([span(9, 17)], [span(9, 14)], [])).toEqual([span(14, 17)])
    // A freeze from 16:00 is drawn as the freeze, not as tail.
    expect(supportTail([span(9, 17)], [span(9, 14)], [span(16, 30)])).toEqual([span(14, 16)])
    // A holiday takes the whole window.
    expect(supportTail([span(9, 17)], [], [span(0, 24)])).toEqual([])
  })
})

describe('subtractSpans', () => {
  it('splits a span around a hole', () => {
    expect(subtractSpans([span(0, 10)], [span(3, 4)])).toEqual([span(0, 3), span(4, 10)])
  })
})

describe('placeOnDay', () => {
  it('clips spans to the day in percent of its length', () => {
    const day = span(24, 48)
    expect(placeOnDay([span(18, 30), span(40, 50), span(0, 5)], day).map((p) => [p.left, p.width])).toEqual([
      [0, 25],
      [(16 / 24) * 100, (8 / 24) * 100],
    ])
  })

  it('measures a 25-hour day by its own length', () => {
    expect(placeOnDay([span(12.5, 25)], span(0, 25))[0]).toMatchObject({ left: 50, width: 50 })
    expect(positionOnDay(25 * H, span(0, 25))).toBeNull()
  })
})

describe('markerLanes', () => {
  it('moves a marker down a lane when it would overlap the one before', () => {
    expect(markerLanes([10, 12, 40, 13], 5)).toEqual([0, 1, 0, 2])
  })
})
