import { describe, expect, it } from 'vitest'
import { dependentsOf, findCycle } from './graph.js'

const e = (serviceId: string, dependsOnId: string) => ({ serviceId, dependsOnId })

describe('findCycle', () => {
  it('finds no cycle in a diamond', () => {
    expect(findCycle([e('web', 'api'), e('web', 'auth'), e('api', 'db'), e('auth', 'db')])).toBeNull()
  })

  it('finds a two-node cycle', () => {
    const cycle = findCycle([e('a', 'b'), e('b', 'a')])
    expect(cycle).not.toBeNull()
    expect(cycle?.[0]).toBe(cycle?.[cycle.length - 1])
    expect(new Set(cycle)).toEqual(new Set(['a', 'b']))
  })

  it('finds a self-dependency', () => {
    expect(findCycle([e('a', 'a')])).toEqual(['a', 'a'])
  })

  it('finds a long cycle closed by the last edge of a chain', () => {
    const chain = Array.from({ length: 50 }, (_, i) => e(`s${i}`, `s${i + 1}`))
    expect(findCycle(chain)).toBeNull()
    const cycle = findCycle([...chain, e('s50', 's0')])
    expect(cycle).toHaveLength(52)
  })
})

describe('dependentsOf', () => {
  it('returns transitive dependents with shortest distances on a diamond', () => {
    const edges = [e('web', 'api'), e('web', 'auth'), e('api', 'db'), e('auth', 'db'), e('report', 'web')]
    expect(Object.fromEntries(dependentsOf(edges, ['db']))).toEqual({ api: 1, auth: 1, web: 2, report: 3 })
  })

  it('follows a long chain to its end', () => {
    const chain = Array.from({ length: 30 }, (_, i) => e(`s${i + 1}`, `s${i}`))
    const deps = dependentsOf(chain, ['s0'])
    expect(deps.size).toBe(30)
    expect(deps.get('s30')).toBe(30)
  })

  it('does not include the touched services themselves', () => {
    expect(dependentsOf([e('a', 'b'), e('b', 'c')], ['b', 'c']).has('b')).toBe(false)
  })
})
