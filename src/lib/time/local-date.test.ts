import { describe, expect, it } from 'vitest'
import { addLocalDays, localDate, parseLocalDate, weekdayOf, WEEKDAYS } from './local-date.js'

describe('parseLocalDate', () => {
  it.each(['2024-02-29', '2023-12-31', '1970-01-01', '0001-01-01'])('accepts %s', (s) => {
    expect(parseLocalDate(s)).toBe(s)
  })

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '20240101', '', '2024-01-01T00:00'])(
    'rejects %j',
    (s) => {
      expect(parseLocalDate(s)).toBeNull()
    },
  )
})

describe('addLocalDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-10', 7, '2024-03-17'],
    ['2000-01-01', 366, '2001-01-01'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addLocalDays(localDate(date), n)).toBe(expected)
  })

  it('accepts a civil date object', () => {
    expect(addLocalDays({ year: 2024, month: 11, day: 3 }, 0)).toBe('2024-11-03')
  })
})

describe('weekdayOf', () => {
  it.each([
    ['1970-01-01', 'thu'],
    ['2024-03-10', 'sun'],
    ['2024-11-04', 'mon'],
    ['2000-02-29', 'tue'],
    ['1969-12-31', 'wed'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayOf(localDate(date))).toBe(weekday)
  })

  it('lists weekdays Monday first', () => {
    expect(WEEKDAYS).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])
  })
})
