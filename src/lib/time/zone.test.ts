import fc from 'fast-check'
import { IANAZone } from 'luxon'
import { describe, expect, it } from 'vitest'
import { canonicalTimeZone, isValidTimeZone, offsetMsAt } from './zone.js'

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Etc/UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Etc/GMT+2'])(
    'accepts %s',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true)
    },
  )

  it.each(['', 'Mars/Base', '+02:00', '-05:00', '+0200', 'Z', 'GMT+2', 'UTC+02:00', 'America/New York', 'local'])(
    'rejects %j',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(false)
    },
  )
})

describe('canonicalTimeZone', () => {
  it('fixes capitalization, keeps the chosen alias, and rejects unknown zones', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin')
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York')
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata')
    expect(canonicalTimeZone('Etc/UTC')).toBe('Etc/UTC')
    expect(canonicalTimeZone('Mars/Base')).toBeNull()
  })
})

describe('offsetMsAt', () => {
  const hour = 3_600_000

  it.each([
    // [zone, last instant of the old offset + 1 ms = transition, offset before, offset after]
    ['America/New_York', Date.UTC(2024, 2, 10, 7), -5 * hour, -4 * hour],
    ['America/New_York', Date.UTC(2024, 10, 3, 6), -4 * hour, -5 * hour],
    ['Europe/Berlin', Date.UTC(2024, 2, 31, 1), 1 * hour, 2 * hour],
    ['Europe/Berlin', Date.UTC(2024, 9, 27, 1), 2 * hour, 1 * hour],
    ['Europe/London', Date.UTC(2024, 2, 31, 1), 0, 1 * hour],
    ['Australia/Lord_Howe', Date.UTC(2024, 3, 6, 15), 11 * hour, 10.5 * hour],
    ['Australia/Lord_Howe', Date.UTC(2024, 9, 5, 15, 30), 10.5 * hour, 11 * hour],
  ])('%s changes offset exactly at %i', (zone, transition, before, after) => {
    expect(offsetMsAt(zone, transition - 1)).toBe(before)
    expect(offsetMsAt(zone, transition)).toBe(after)
  })

  it('has a constant offset where there is no DST', () => {
    expect(offsetMsAt('Asia/Kolkata', Date.UTC(2024, 2, 10))).toBe(5.5 * hour)
    expect(offsetMsAt('Asia/Kolkata', Date.UTC(2024, 10, 3))).toBe(5.5 * hour)
    expect(offsetMsAt('UTC', Date.UTC(2024, 5, 1))).toBe(0)
  })

  it('agrees with Luxon at random instants', () => {
    const zones = [
      'America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe',
      'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Apia', 'Africa/Casablanca',
    ]
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...zones), (at, zone) => {
        expect(offsetMsAt(zone, at)).toBe(Math.round(IANAZone.create(zone).offset(at) * 60_000))
      }),
      { numRuns: 500 },
    )
  })

  it('throws for an unknown zone', () => {
    expect(() => offsetMsAt('Mars/Base', 0)).toThrow(/unknown time zone "Mars\/Base"/)
  })
})
