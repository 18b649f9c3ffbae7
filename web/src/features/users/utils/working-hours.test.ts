import { describe, expect, it } from 'vitest'
import { formatWorkingHours } from './working-hours'

describe('formatWorkingHours', () => {
  it.each([
    [['mon', 'tue', 'wed', 'thu', 'fri'], 'Mon–Fri 09:00–17:00'],
    [['fri', 'mon', 'wed'], 'Mon, Wed, Fri 09:00–17:00'],
    [['mon', 'tue', 'thu', 'fri', 'sat'], 'Mon, Tue, Thu–Sat 09:00–17:00'],
    [[], 'No days 09:00–17:00'],
  ])('%j reads %s', (days, text) => {
    expect(formatWorkingHours({ days, start: '09:00', end: '17:00' })).toBe(text)
  })
})
