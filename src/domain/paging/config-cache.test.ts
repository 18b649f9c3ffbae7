import { describe, expect, it } from 'vitest'
import { ConfigCache } from './config-cache.js'

describe('ConfigCache', () => {
  it('keeps a lookup while the counter stands still, starts over when it moves on, and lets an older reader load for itself', async () => {
    const cache = new ConfigCache()
    let loads = 0
    const load = (value: string) => async () => {
      loads += 1
      return value
    }
    expect(await cache.get(3, 'user:u', load('Ana'))).toBe('Ana')
    expect(await cache.get(3, 'user:u', load('ignored'))).toBe('Ana')
    expect(loads).toBe(1)
    // The configuration changed (counter 4): read again, and kept for counter 4.
    expect(await cache.get(4, 'user:u', load('Ana Renamed'))).toBe('Ana Renamed')
    expect(await cache.get(4, 'user:u', load('ignored'))).toBe('Ana Renamed')
    expect(loads).toBe(2)
    // A reader whose transaction saw counter 3 loads its own, and leaves counter 4's entry alone.
    expect(await cache.get(3, 'user:u', load('Ana (older read)'))).toBe('Ana (older read)')
    expect(await cache.get(4, 'user:u', load('ignored'))).toBe('Ana Renamed')
    expect(loads).toBe(3)
  })

  it('forgets a failed lookup, so the next reader asks again', async () => {
    const cache = new ConfigCache()
    await expect(cache.get(1, 'service:s', () => Promise.reject(new Error('no such service')))).rejects.toThrow('no such service')
    expect(await cache.get(1, 'service:s', async () => 'Checkout')).toBe('Checkout')
  })
})
