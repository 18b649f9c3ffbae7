import { describe, expect, it } from 'vitest'
import { describeNeed, describeSites, sizeRotation } from './rotation-sizing.js'

const zones = (...spec: [string, number][]) => spec.flatMap(([timeZone, n]) => Array.from({ length: n }, () => ({ timeZone })))

describe('rotation sizing (Google SRE ch. 11)', () => {
  it('single site, primary and secondary: 8', () => {
    const s = sizeRotation(zones(['Europe/Berlin', 4]), 2)
    expect(s).toMatchObject({ needed: 8, neededPerSite: 8, shortSites: [{ zone: 'Europe/Berlin', people: 4 }] })
    expect(`${describeSites(s)}; ${describeNeed(s)}`).toBe('4 people in 1 time zone (Europe/Berlin); a 24/7 rotation with a primary and a secondary needs 8')
  })

  it('two sites, primary and secondary: 6 per site, 12 in all', () => {
    const s = sizeRotation(zones(['America/New_York', 2], ['Europe/Berlin', 3]), 2)
    expect(`${describeSites(s)}; ${describeNeed(s)}`).toBe(
      '5 people in 2 time zones: 3 in Europe/Berlin, 2 in America/New_York; a 24/7 rotation with a primary and a secondary needs 12 (6 per site)',
    )
  })

  it('primary only halves the figures, and says the numbers are derived', () => {
    expect(sizeRotation(zones(['Europe/Berlin', 4]), 1)).toMatchObject({ needed: 4, shortSites: [] })
    expect(sizeRotation(zones(['Europe/Berlin', 3], ['Asia/Tokyo', 3]), 1)).toMatchObject({ neededPerSite: 3, shortSites: [] })
    expect(sizeRotation(zones(['Europe/Berlin', 4]), 1).basis).toMatch(/^derived/)
  })

  it('three sites use the 25% rule: ceil(4 × tiers ÷ sites) per site', () => {
    const s = sizeRotation(zones(['Europe/Berlin', 3], ['Asia/Tokyo', 3], ['America/Chicago', 2]), 2)
    expect(s).toMatchObject({ neededPerSite: 3, needed: 9, shortSites: [{ zone: 'America/Chicago', people: 2 }] })
  })
})
