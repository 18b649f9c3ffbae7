/**
 * The sleep-in notices: what the woken person and their team are told (Tend design §1.2), in
 * the person's zone and, for a teammate elsewhere, in the reader's zone too. The person's text
 * says "today"/"tomorrow" as seen from the evening the night began, which is how people speak
 * of a night; the team's text names the weekday and date, which reads the same in every zone.
 */
import type { Instant, LocalDate } from '../../lib/time/index.js'
import { addLocalDays, formatLocal, localDateOf, toLocal } from '../../lib/time/index.js'
import type { SleepIn } from './sleep-in.js'

/** The notice for the person, in their zone: "You were woken at 02:13 (Europe/Berlin) — start at 12:00 tomorrow; your team has been told." */
export function sleepInNoticeForPerson(s: SleepIn): string {
  const woken = `You were woken at ${timesOf(s.wokenAt, s.timeZone)} (${s.timeZone})`
  const when = dayWord(localDateOf(s.lateStart, s.timeZone), s.night)
  if (s.dayOff) return `${woken} — take ${when} off; your team has been told.`
  return `${woken} — start at ${toLocal(s.lateStart, s.timeZone).time} ${when}; your team has been told.`
}

/**
 * The notice for a teammate or the team channel, with the person's local times and, when the
 * reader is elsewhere, the reader's own: "Ana was woken at 02:13 Europe/Berlin and starts at
 * 12:00 Europe/Berlin on Tue 2026-03-10 (07:00 America/New_York) instead of 09:00."
 */
export function sleepInNoticeForTeam(s: SleepIn, personName: string, readerZone: string): string {
  const woken = `${personName} was woken at ${timesOf(s.wokenAt, s.timeZone)} ${s.timeZone}${inReaderZone(s.wokenAt, s.timeZone, readerZone)}`
  const day = dayLabel(s.lateStart, s.timeZone)
  if (s.dayOff) return `${woken} and takes ${day} off.`
  const start = `${toLocal(s.lateStart, s.timeZone).time} ${s.timeZone} on ${day}${inReaderZone([s.lateStart], s.timeZone, readerZone)}`
  return `${woken} and starts at ${start} instead of ${toLocal(s.normalStart, s.timeZone).time}.`
}

/** "02:13", "02:00 and 04:00", "02:00, 04:00 and 06:00". */
function timesOf(instants: readonly Instant[], zone: string): string {
  return listText(instants.map((i) => toLocal(i, zone).time))
}

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}

/** " (01:13 Europe/London)", with the weekday when the reader's date differs; "" when the clocks agree. */
function inReaderZone(instants: readonly Instant[], zone: string, readerZone: string): string {
  const sameClock = (i: Instant): boolean => toLocal(i, zone).time === toLocal(i, readerZone).time && localDateOf(i, zone) === localDateOf(i, readerZone)
  if (readerZone === zone || instants.every(sameClock)) return ''
  const label = (i: Instant): string => {
    const time = toLocal(i, readerZone).time
    return localDateOf(i, readerZone) === localDateOf(i, zone) ? time : `${weekdayLabel(i, readerZone)} ${time}`
  }
  return ` (${listText(instants.map(label))} ${readerZone})`
}

/** "Tue": the weekday of an instant in a zone. */
function weekdayLabel(i: Instant, zone: string): string {
  return formatLocal(i, zone).split(' ')[0] ?? ''
}

/** "Tue 2026-03-10": the weekday and date of an instant in a zone. */
function dayLabel(i: Instant, zone: string): string {
  return `${weekdayLabel(i, zone)} ${localDateOf(i, zone)}`
}

/** "today" / "tomorrow" seen from the evening the night began, else the weekday and date. */
function dayWord(date: LocalDate, night: LocalDate): string {
  if (date === night) return 'today'
  if (date === addLocalDays(night, 1)) return 'tomorrow'
  return `on ${date}`
}
