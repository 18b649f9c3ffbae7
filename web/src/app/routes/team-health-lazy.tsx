import { deferred } from '../../components/deferred'

// The health pages load on first visit, in one chunk for all four: people move between the
// dashboard, report and settings, and a tab opened before an upgrade then needs no further file
// that the upgrade may have removed.
const pages = () => import('./team-health-pages')

/** The team health dashboard (`/teams/:id/health`), loaded on demand. */
export const TeamHealthRoute = deferred(async () => (await pages()).TeamHealthRoute)
/** The weekly report (`/teams/:id/health/report`), loaded on demand. */
export const TeamHealthReportRoute = deferred(async () => (await pages()).TeamHealthReportRoute)
/** The settings and channels (`/teams/:id/health/settings`), loaded on demand. */
export const TeamHealthSettingsRoute = deferred(async () => (await pages()).TeamHealthSettingsRoute)
/** The team picker (`/health`), loaded on demand. */
export const TeamHealthIndexRoute = deferred(async () => (await pages()).TeamHealthIndexRoute)
