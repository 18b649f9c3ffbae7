import { describe, expect, it } from 'vitest'
import { budgetStatus, budgetSummary, noisiestSources } from './budget.js'
import { classifyPages } from './classify.js'
import { derivePages } from './pages.js'
import { person, sent, wakeUpsAt } from './test-fixtures.js'
import { groupWakeUps } from './wake-ups.js'

const ana = person('ana', 'Europe/Berlin')

describe('night-page budget', () => {
  it('spends one unit per wake-up, default budget 2 per on-call week', () => {
    const none = budgetStatus([])
    expect(none).toEqual({ budget: 2, spent: 0, remaining: 2, exhausted: false })
    const one = budgetStatus(wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-10T02:05:00+01:00']))
    expect(one).toEqual({ budget: 2, spent: 1, remaining: 1, exhausted: false })
    const three = budgetStatus(wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00', '2026-03-11T02:00:00+01:00', '2026-03-12T02:00:00+01:00']))
    expect(three).toEqual({ budget: 2, spent: 3, remaining: 0, exhausted: true })
  })

  it('is exhausted when spent reaches the budget', () => {
    expect(budgetStatus(wakeUpsAt(ana, ['2026-03-10T02:00:00+01:00']), 1).exhausted).toBe(true)
    expect(() => budgetStatus([], -1)).toThrow(RangeError)
    expect(() => budgetStatus([], 1.5)).toThrow(RangeError)
  })
})

describe('noisiest sources', () => {
  const pages = derivePages([
    sent('a1', 'ana', '2026-03-10T02:00:00+01:00'),
    sent('a2', 'ana', '2026-03-10T02:05:00+01:00'),
    sent('a3', 'ana', '2026-03-11T03:00:00+01:00'),
    sent('a4', 'ana', '2026-03-12T03:00:00+01:00'),
  ])
  const wakeUps = groupWakeUps(classifyPages(pages, [ana]))
  const sources = new Map([
    ['a1', 'api'],
    ['a2', 'db'],
    ['a3', 'api'],
  ])

  it('ranks sources by wake-ups, then alerts, then name; one wake-up counts for each source in it', () => {
    expect(noisiestSources(wakeUps, sources)).toEqual([
      { source: 'api', wakeUps: 2, alerts: 2 },
      { source: 'db', wakeUps: 1, alerts: 1 },
      { source: 'unknown source', wakeUps: 1, alerts: 1 },
    ])
  })

  it('summarizes the budget and the noisiest sources as text', () => {
    const text = budgetSummary(budgetStatus(wakeUps), noisiestSources(wakeUps, sources), 2)
    expect(text).toBe(
      'Night-page budget: 3 of 2 wake-ups spent this on-call week (1 over). Noisiest sources: api (2 wake-ups, 2 alerts), db (1 wake-up, 1 alert) and 1 more.',
    )
    expect(budgetSummary(budgetStatus([]), [])).toBe('Night-page budget: 0 of 2 wake-ups spent this on-call week (2 left).')
    expect(budgetSummary(budgetStatus(wakeUps.slice(0, 2)), [])).toBe('Night-page budget: 2 of 2 wake-ups spent this on-call week (exhausted).')
  })
})
