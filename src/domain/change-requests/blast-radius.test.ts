import { describe, expect, it } from 'vitest'
import { blastRadius } from './blast-radius.js'

const e = (serviceId: string, dependsOnId: string) => ({ serviceId, dependsOnId })

describe('blastRadius', () => {
  // A diamond (web → api → db, web → auth → db, report → web) and a 30-long chain c30 → … → c1 → db.
  const diamond = [e('web', 'api'), e('web', 'auth'), e('api', 'db'), e('auth', 'db'), e('report', 'web')]
  const chain = [e('c1', 'db'), ...Array.from({ length: 29 }, (_, i) => e(`c${i + 2}`, `c${i + 1}`))]
  const edges = [...diamond, ...chain]

  it('lists the touched service, then dependents by shortest distance, then by id', () => {
    const radius = blastRadius(edges, ['db'])
    expect(radius.slice(0, 8)).toEqual([
      { serviceId: 'db', distance: 0 },
      { serviceId: 'api', distance: 1 },
      { serviceId: 'auth', distance: 1 },
      { serviceId: 'c1', distance: 1 },
      { serviceId: 'c2', distance: 2 },
      { serviceId: 'web', distance: 2 },
      { serviceId: 'c3', distance: 3 },
      { serviceId: 'report', distance: 3 },
    ])
    expect(radius).toHaveLength(35)
    expect(radius[radius.length - 1]).toEqual({ serviceId: 'c30', distance: 30 })
  })

  it('counts web once although it is reached through both sides of the diamond', () => {
    expect(blastRadius(diamond, ['db']).filter((r) => r.serviceId === 'web')).toEqual([{ serviceId: 'web', distance: 2 }])
  })

  it('keeps touched services at distance 0 even when they depend on each other, and ignores duplicates', () => {
    expect(blastRadius(diamond, ['api', 'db', 'api'])).toEqual([
      { serviceId: 'api', distance: 0 },
      { serviceId: 'db', distance: 0 },
      { serviceId: 'auth', distance: 1 },
      { serviceId: 'web', distance: 1 },
      { serviceId: 'report', distance: 2 },
    ])
  })

  it('is just the touched services for a leaf', () => {
    expect(blastRadius(edges, ['report'])).toEqual([{ serviceId: 'report', distance: 0 }])
  })
})
