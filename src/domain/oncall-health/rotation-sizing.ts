/**
 * How many people a 24/7 rotation needs, by Google SRE ch. 11:
 * - one site, primary and secondary, week-long shifts: at least 8 engineers, so each is on call
 *   (primary or secondary) one week in four, the 25% bar;
 * - two sites (follow the sun): at least 6 per site, "both to honor the 25% rule and to ensure a
 *   substantial and critical mass of engineers".
 * Tend derives the cases the book does not state, and says so in `basis`:
 * - primary only: half the book's figures (4 for one site, 3 per site for two);
 * - three or more sites: the 25% rule alone, ceil(4 × tiers ÷ sites) per site.
 * A site is approximated by a time zone (people in one zone share their nights).
 */
import { compareText } from './ordering.js'
import { SRE } from './sre-targets.js'

/** Primary only (1) or primary and secondary (2). */
export type OnCallTiers = 1 | 2

/** People per site (time zone), largest first. */
export interface SiteCount {
  readonly zone: string
  readonly people: number
}

/** What a rotation has and what it needs. */
export interface RotationSizing {
  readonly people: number
  readonly sites: readonly SiteCount[]
  readonly tiers: OnCallTiers
  readonly neededPerSite: number
  readonly needed: number
  /** Sites with fewer people than neededPerSite. */
  readonly shortSites: readonly SiteCount[]
  readonly basis: string
}

/** Sizes a 24/7 rotation from its members' zones. */
export function sizeRotation(members: readonly { readonly timeZone: string }[], tiers: OnCallTiers): RotationSizing {
  const sites = countSites(members)
  const { perSite, basis } = neededPerSite(sites.length, tiers)
  return {
    people: members.length,
    sites,
    tiers,
    neededPerSite: perSite,
    needed: perSite * Math.max(1, sites.length),
    shortSites: sites.filter((s) => s.people < perSite),
    basis,
  }
}

/** "5 people in 2 time zones: 3 in Europe/Berlin, 2 in America/New_York". */
export function describeSites(s: RotationSizing): string {
  const zones = s.sites.length === 1 ? 'time zone' : 'time zones'
  const head = `${s.people} ${s.people === 1 ? 'person' : 'people'} in ${s.sites.length} ${zones}`
  if (s.sites.length === 0) return head
  if (s.sites.length === 1) return `${head} (${s.sites[0]?.zone ?? ''})`
  return `${head}: ${s.sites.map((x) => `${x.people} in ${x.zone}`).join(', ')}`
}

/** "a 24/7 rotation with a primary and a secondary needs 12 (6 per site)". */
export function describeNeed(s: RotationSizing): string {
  const who = s.tiers === 2 ? 'a primary and a secondary' : 'a primary only'
  const perSite = s.sites.length > 1 ? ` (${s.neededPerSite} per site)` : ''
  return `a 24/7 rotation with ${who} needs ${s.needed}${perSite}`
}

function countSites(members: readonly { readonly timeZone: string }[]): SiteCount[] {
  const counts = new Map<string, number>()
  for (const m of members) counts.set(m.timeZone, (counts.get(m.timeZone) ?? 0) + 1)
  return [...counts].map(([zone, people]) => ({ zone, people })).sort((a, b) => b.people - a.people || compareText(a.zone, b.zone))
}

function neededPerSite(sites: number, tiers: OnCallTiers): { perSite: number; basis: string } {
  const scale = tiers / 2
  if (sites <= 1) {
    const basis =
      tiers === 2
        ? 'Google SRE: at least 8 engineers for a single-site team with primary and secondary'
        : 'derived from Google SRE: half of 8 for a primary-only single-site team (25% rule)'
    return { perSite: SRE.minSingleSitePrimarySecondary * scale, basis }
  }
  if (sites === 2) {
    const basis =
      tiers === 2
        ? 'Google SRE: at least 6 engineers per site for a dual-site team'
        : 'derived from Google SRE: half of 6 per site for a primary-only dual-site team'
    return { perSite: SRE.minPerSiteDualSite * scale, basis }
  }
  const basis = `derived from Google SRE's 25% rule for ${sites} sites: ceil(4 × ${tiers} ÷ ${sites}) per site`
  return { perSite: Math.ceil(tiers / SRE.maxOnCallShare / sites), basis }
}
