import { describe, expect, it } from 'vitest'
import { isId, newId } from './ids.js'

describe('newId', () => {
  it('gives distinct UUIDv7s in strictly increasing order, also past 4,096 in one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newId())
    expect(new Set(ids).size).toBe(ids.length)
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true)
    for (const id of ids.slice(0, 500)) {
      expect(isId(id)).toBe(true)
      expect(id[14]).toBe('7')
      expect(['8', '9', 'a', 'b']).toContain(id[19])
    }
  })

  it('keeps random bits random: ids drawn in one millisecond differ beyond the counter', () => {
    const tails = new Set(Array.from({ length: 1_000 }, () => newId().slice(24)))
    expect(tails.size).toBe(1_000)
  })
})

describe('newId layout', () => {
  it('spells the millisecond timestamp in its first 48 bits', () => {
    const before = Date.now()
    const id = newId()
    const after = Date.now()
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16)
    // The counter may have moved the timestamp on by a millisecond past a burst.
    expect(ms).toBeGreaterThanOrEqual(before)
    expect(ms).toBeLessThanOrEqual(after + 1)
  })
})
