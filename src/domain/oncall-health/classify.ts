/**
 * Classifying pages into PagerDuty's interruption buckets, in the person's own zone and hours.
 * PagerDuty defines business hours (8am–6pm Mon–Fri), off hours (6pm–10pm Mon–Fri and all
 * weekend) and sleep hours (10pm–8am every day) in the user's local time
 * (https://support.pagerduty.com/pd-support/docs/operational-reviews; Analytics API field
 * `total_sleep_hour_interruptions`). Tend keeps the three buckets but uses each person's own
 * hours instead of fixed ones:
 * - 'sleep': inside their sleep hours (default 22:00–08:00, the same as PagerDuty's, so sleep
 *   figures compare directly);
 * - 'working': inside their working hours (default Mon–Fri 09:00–17:00, so 08:00–09:00 and
 *   17:00–18:00 on weekdays are off hours here but business hours at PagerDuty);
 * - 'off': everything else.
 * Sleep takes precedence: a page inside both sleep and working hours (a person who set them to
 * overlap) is a sleep-hours page, because being woken is the cost this domain exists to count.
 */
import type { Instant } from '../../lib/time/index.js'
import { inWorkingHours, sleepPeriodAt } from './hours-windows.js'
import type { ClassifiedPage, Page, PageBucket, PersonHours, SleepPeriod } from './model.js'

/** Returns the bucket of an instant for a person (sleep takes precedence over working). */
export function classifyInstant(person: PersonHours, at: Instant): PageBucket {
  return bucketOf(person, at, sleepPeriodAt(person, at))
}

/** Classifies one page for the person it reached. */
export function classifyPage(person: PersonHours, page: Page): ClassifiedPage {
  if (person.id !== page.userId) throw new RangeError(`page for ${page.userId} classified with the hours of ${person.id}`)
  const sleepPeriod = sleepPeriodAt(person, page.at)
  return { ...page, bucket: bucketOf(person, page.at, sleepPeriod), timeZone: person.timeZone, sleepPeriod }
}

function bucketOf(person: PersonHours, at: Instant, sleepPeriod: SleepPeriod | null): PageBucket {
  if (sleepPeriod !== null) return 'sleep'
  return inWorkingHours(person, at) ? 'working' : 'off'
}

/**
 * Classifies pages, each in its own person's zone and hours. Every page must have its person in
 * `people`: a page silently dropped would hide a cost, so a missing person is an error.
 */
export function classifyPages(pages: readonly Page[], people: readonly PersonHours[]): ClassifiedPage[] {
  const byId = new Map(people.map((p) => [p.id, p]))
  return pages.map((page) => {
    const person = byId.get(page.userId)
    if (person === undefined) throw new RangeError(`no hours known for user ${page.userId}, who received a page`)
    return classifyPage(person, page)
  })
}
