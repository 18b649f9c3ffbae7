import { describe, expect, it } from 'vitest'
import { parseHolidayCalendar } from './holiday-calendar.js'

const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR'].join('\r\n')
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:x', ...lines, 'END:VEVENT']

describe('parseHolidayCalendar', () => {
  const cases: { name: string; text: string; timeZone?: string; dates: string[]; errors?: string[] }[] = [
    { name: 'one all-day event', text: ics(...event('DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas')), dates: ['2026-12-25'] },
    {
      name: 'a multi-day event with an exclusive DTEND',
      text: ics(...event('DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227')),
      dates: ['2026-12-24', '2026-12-25', '2026-12-26'],
    },
    { name: 'a multi-day event given as DURATION', text: ics(...event('DTSTART;VALUE=DATE:20261231', 'DURATION:P2D')), dates: ['2026-12-31', '2027-01-01'] },
    {
      name: 'folded lines, including a folded property name and value',
      text: ics('BEGIN:VEVENT', 'SUMMARY:Tag der Deutschen', '  Einheit', 'DTSTART;VALUE=DA', ' TE:2026', '\t1003', 'END:VEVENT'),
      dates: ['2026-10-03'],
    },
    { name: 'a bare DATE without VALUE=DATE', text: ics(...event('DTSTART:20260501')), dates: ['2026-05-01'] },
    {
      name: 'a UTC DATE-TIME mapped to the local date of the zone',
      text: ics(...event('DTSTART:20261231T230000Z', 'DTEND:20261231T235900Z')),
      timeZone: 'Europe/Berlin',
      dates: ['2027-01-01'],
    },
    {
      name: 'a timed event overlapping two local dates; an end at midnight excludes that day',
      text: ics(...event('DTSTART;TZID=Europe/Berlin:20261224T120000', 'DTEND;TZID=Europe/Berlin:20261226T000000')),
      timeZone: 'Europe/Berlin',
      dates: ['2026-12-24', '2026-12-25'],
    },
    {
      name: 'a TZID time mapped into the policy zone',
      text: ics(...event('DTSTART;TZID="America/New_York":20261224T200000')),
      timeZone: 'Europe/Berlin',
      dates: ['2026-12-25'],
    },
    {
      name: 'other components are ignored, as are alarms inside events',
      text: ics(
        'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:STANDARD', 'DTSTART:19701025T030000', 'END:STANDARD', 'END:VTIMEZONE',
        'BEGIN:VTODO', 'DTSTART;VALUE=DATE:20260101', 'END:VTODO',
        'BEGIN:VEVENT', 'BEGIN:VALARM', 'TRIGGER:-PT15M', 'END:VALARM', 'DTSTART;VALUE=DATE:20260406', 'END:VEVENT',
      ),
      dates: ['2026-04-06'],
    },
    { name: 'cancelled events are skipped', text: ics(...event('DTSTART;VALUE=DATE:20260101', 'STATUS:CANCELLED')), dates: [] },
    {
      name: 'LF line endings, duplicates merged and dates sorted',
      text: ics(...event('DTSTART;VALUE=DATE:20261226'), ...event('DTSTART;VALUE=DATE:20261225'), ...event('DTSTART;VALUE=DATE:20261225')).replace(/\r\n/g, '\n'),
      dates: ['2026-12-25', '2026-12-26'],
    },
    {
      name: 'a bad event is reported and the rest kept',
      text: ics('BEGIN:VEVENT', 'SUMMARY:Broken', 'END:VEVENT', ...event('DTSTART;VALUE=DATE:20261301'), ...event('DTSTART;VALUE=DATE:20260101')),
      dates: ['2026-01-01'],
      errors: ['line 4: event "Broken" skipped: it has no DTSTART', 'line 7: event skipped: DTSTART "20261301" is not a calendar date'],
    },
    {
      name: 'an exclusive DTEND not after DTSTART is an error',
      text: ics(...event('DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20260101')),
      dates: [],
      errors: ['line 4: event skipped: DTEND must be after DTSTART (it is exclusive)'],
    },
    {
      name: 'a repeating event keeps its first date and says so',
      text: ics(...event('DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY', 'SUMMARY:New Year')),
      dates: ['2026-01-01'],
      errors: ['line 4: event "New Year" repeats (RRULE), which is not expanded: only its first occurrence is used'],
    },
    { name: 'text that is not a calendar', text: 'hello', dates: [], errors: ['not an iCalendar file: BEGIN:VCALENDAR is missing'] },
  ]
  it.each(cases)('$name', ({ text, timeZone, dates, errors }) => {
    const result = parseHolidayCalendar(text, timeZone === undefined ? {} : { timeZone })
    expect(result.dates).toEqual(dates)
    expect(result.errors).toEqual(errors ?? [])
  })

  it('rejects an unknown zone', () => {
    expect(parseHolidayCalendar(ics(), { timeZone: 'Mars/Olympus' })).toEqual({ dates: [], errors: ['unknown time zone "Mars/Olympus"'] })
  })
})
