import { describe, expect, it } from 'vitest'
import { citations, figureLabel, recommendationFigures } from './recommendation-figures'

describe('recommendation figures', () => {
  it('labels keys in words', () => {
    expect(figureLabel('peopleNeeded')).toBe('people needed')
    expect(figureLabel('people:Europe/Berlin')).toBe('people in Europe/Berlin')
    expect(figureLabel('incidentsPer12hShift')).toBe('incidents per 12 h shift')
    expect(figureLabel('longestHours')).toBe('longest hours')
  })

  it('shows shares as percentages and hides ids', () => {
    expect(recommendationFigures('on-call-share', { peopleOver: 1, userId: 'u1', share: 0.27, limit: 0.25, peopleNeeded: 4 })).toEqual([
      { label: 'people over', value: '1' },
      { label: 'share', value: '27%' },
      { label: 'limit', value: '25%' },
      { label: 'people needed', value: '4' },
    ])
  })

  it('keeps a count limit a count', () => {
    expect(recommendationFigures('nights-disturbed', { nightsPerWeek: 1.5, limit: 1 })).toEqual([
      { label: 'nights per week', value: '1.5' },
      { label: 'limit', value: '1' },
    ])
  })

  it('splits sources into linked citations', () => {
    const source = 'Google SRE book, ch. 11 "Being On-Call" (https://sre.google/sre-book/being-on-call/); derived from Google SRE: half of 6 per site'
    expect(citations(source)).toEqual([
      { text: 'Google SRE book, ch. 11 "Being On-Call"', url: 'https://sre.google/sre-book/being-on-call/' },
      { text: 'derived from Google SRE: half of 6 per site', url: null },
    ])
  })
})
