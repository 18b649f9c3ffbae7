import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatInstant, MAX_INSTANT, MIN_INSTANT, parseInstant } from './instant.js'

describe('parseInstant', () => {
  it.each([
    ['2024-03-10T07:00:00Z', Date.UTC(2024, 2, 10, 7)],
    ['2024-03-10T07:00:00.000Z', Date.UTC(2024, 2, 10, 7)],
    ['2024-03-10t07:00:00z', Date.UTC(2024, 2, 10, 7)],
    ['2024-03-10T03:00:00-04:00', Date.UTC(2024, 2, 10, 7)],
    ['2024-03-10T12:30:00+05:30', Date.UTC(2024, 2, 10, 7)],
    ['2024-03-10T07:00:00.5Z', Date.UTC(2024, 2, 10, 7, 0, 0, 500)],
    ['2024-03-10T07:00:00.123456789Z', Date.UTC(2024, 2, 10, 7, 0, 0, 123)],
    ['2024-03-10T07:00:00-00:00', Date.UTC(2024, 2, 10, 7)],
    ['2024-02-29T23:59:59+14:00', Date.UTC(2024, 1, 29, 9, 59, 59)],
  ])('parses %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected)
  })

  it.each([
    ['no offset', '2024-03-10T07:00:00'],
    ['no seconds', '2024-03-10T07:00Z'],
    ['date only', '2024-03-10'],
    ['space separator', '2024-03-10 07:00:00Z'],
    ['compact offset', '2024-03-10T07:00:00+0200'],
    ['bad month', '2024-13-10T07:00:00Z'],
    ['bad day', '2023-02-29T07:00:00Z'],
    ['hour 24', '2024-03-10T24:00:00Z'],
    ['leap second', '2016-12-31T23:59:60Z'],
    ['offset out of range', '2024-03-10T07:00:00+24:00'],
    ['year zero', '0000-01-01T00:00:00Z'],
    ['garbage', 'yesterday'],
    ['empty', ''],
    ['epoch number text', '1710054000000'],
  ])('rejects %s', (_label, text) => {
    expect(parseInstant(text)).toBeNull()
  })
})

describe('formatInstant', () => {
  const at = Date.UTC(2026, 2, 8, 14)

  it('uses the Z form with milliseconds by default', () => {
    expect(formatInstant(at)).toBe('2026-03-08T14:00:00.000Z')
    expect(formatInstant(at + 7)).toBe('2026-03-08T14:00:00.007Z')
  })

  it("uses the zone's offset on that instant", () => {
    // New York springs forward at 02:00 on 2026-03-08, so 14:00Z is already EDT.
    expect(formatInstant(at, 'America/New_York')).toBe('2026-03-08T10:00:00.000-04:00')
    expect(formatInstant(Date.UTC(2026, 2, 7, 14), 'America/New_York')).toBe('2026-03-07T09:00:00.000-05:00')
    expect(formatInstant(at, 'Asia/Kolkata')).toBe('2026-03-08T19:30:00.000+05:30')
    expect(formatInstant(at, 'UTC')).toBe('2026-03-08T14:00:00.000+00:00')
    expect(formatInstant(at, 'Australia/Lord_Howe')).toBe('2026-03-09T01:00:00.000+11:00')
  })

  it('keeps the text exact when a pre-1900 offset has seconds', () => {
    const text = formatInstant(Date.UTC(1843, 2, 31, 16, 53, 20), 'Europe/London')
    expect(text).toBe('1843-03-31T16:52:20.000-00:01')
    expect(parseInstant(text)).toBe(Date.UTC(1843, 2, 31, 16, 53, 20))
  })

  it('refuses values that are not instants', () => {
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError)
    expect(() => formatInstant(MAX_INSTANT + 1)).toThrow(RangeError)
  })

  it('round-trips through parseInstant in any zone', () => {
    const zones = ['UTC', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham']
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (i, zone) => {
          expect(parseInstant(formatInstant(i, zone))).toBe(i)
          expect(parseInstant(formatInstant(i))).toBe(i)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('matches Date#toISOString for the Z form', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }), (i) => {
        expect(formatInstant(i)).toBe(new Date(i).toISOString())
      }),
      { numRuns: 300 },
    )
  })
})
