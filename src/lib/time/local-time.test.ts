import { describe, expect, it } from 'vitest'
import { localTime, localTimeFromMinutes, localTimeMinutes, parseLocalTime } from './local-time.js'

describe('parseLocalTime', () => {
  it.each(['00:00', '09:00', '12:30', '19:59', '23:59'])('accepts %s', (s) => {
    expect(parseLocalTime(s)).toBe(s)
  })

  it.each(['24:00', '25:00', '9:00', '09:0', '09:60', '0900', '09:00:00', ' 09:00', '09:00 ', '', 'nine'])(
    'rejects %j',
    (s) => {
      expect(parseLocalTime(s)).toBeNull()
    },
  )
})

describe('localTime minutes', () => {
  it('converts both ways', () => {
    expect(localTimeMinutes(localTime('00:00'))).toBe(0)
    expect(localTimeMinutes(localTime('09:30'))).toBe(570)
    expect(localTimeMinutes(localTime('23:59'))).toBe(1439)
    expect(localTimeFromMinutes(570)).toBe('09:30')
    expect(localTimeFromMinutes(0)).toBe('00:00')
  })

  it('refuses values outside a day', () => {
    expect(() => localTimeFromMinutes(1440)).toThrow(RangeError)
    expect(() => localTimeFromMinutes(-1)).toThrow(RangeError)
    expect(() => localTime('24:00')).toThrow(/HH:MM/)
  })
})
