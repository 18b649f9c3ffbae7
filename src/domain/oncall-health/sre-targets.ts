/**
 * The external bars Tend measures on-call burden against, each with its source. Kept in one
 * place so reports, recommendations and docs quote the same numbers.
 */

/** Google SRE book ch. 11 "Being On-Call": https://sre.google/sre-book/being-on-call/ */
export const SRE_BOOK_ON_CALL = 'Google SRE book, ch. 11 "Being On-Call" (https://sre.google/sre-book/being-on-call/)'

/** PagerDuty Operational Reviews (interruption buckets): https://support.pagerduty.com/pd-support/docs/operational-reviews */
export const PAGERDUTY_OPERATIONAL_REVIEWS =
  'PagerDuty Operational Reviews, interruption buckets (https://support.pagerduty.com/pd-support/docs/operational-reviews)'

/** Tend's own product principle 2: the cost of on-call is carried by the company (design §1). */
export const TEND_PRINCIPLE_COST = 'Tend design §1.2: the cost of on-call is carried by the company, not the individual'

/** Google SRE ch. 11 figures. */
export const SRE = Object.freeze({
  /** "a maximum of two incidents per 12-hour on-call shift". */
  maxIncidentsPerShift: 2,
  /** The shift length that incident budget is stated for. */
  shiftHours: 12,
  /** One incident costs about 6 hours: root cause, remediation, postmortem, bug fixes. */
  followUpHoursPerIncident: 6,
  /** "no more than 25% can be spent on-call". */
  maxOnCallShare: 0.25,
  /** Single-site team with primary and secondary always on call, week-long shifts: at least 8 engineers. */
  minSingleSitePrimarySecondary: 8,
  /** Dual-site team: at least 6 engineers per site (25% rule plus a critical mass of experience). */
  minPerSiteDualSite: 6,
  /** Week-long shifts are the book's example; longer continuous stretches are flagged. */
  weekLongShiftHours: 168,
})
