import { deferred } from '../../components/deferred'

// The change-safety pages load on first visit, in one chunk of their own. The alert page's
// recent-changes panel and the nav badge stay in the main bundle: an on-call opening an alert
// must not wait for a chunk.

const pages = () => import('./changes-pages')

/** Change requests (`/changes`). */
export const ChangesRoute = deferred(async () => (await pages()).ChangesRoute)
/** A new change request (`/changes/new`). */
export const ChangesNewRoute = deferred(async () => (await pages()).ChangesNewRoute)
/** One change request (`/changes/:key`). */
export const ChangesDetailRoute = deferred(async () => (await pages()).ChangesDetailRoute)
/** Editing a change request (`/changes/:key/edit`). */
export const ChangesEditRoute = deferred(async () => (await pages()).ChangesEditRoute)
/** The approvals inbox (`/changes/inbox`). */
export const ChangesInboxRoute = deferred(async () => (await pages()).ChangesInboxRoute)
/** The change calendar (`/changes/calendar`). */
export const ChangeCalendarRoute = deferred(async () => (await pages()).ChangeCalendarRoute)
/** A team's deploy policy and change metrics (`/changes/policy`). */
export const ChangesPolicyRoute = deferred(async () => (await pages()).ChangesPolicyRoute)
/** The deploy check (`/changes/check`). */
export const ChangesCheckRoute = deferred(async () => (await pages()).ChangesCheckRoute)
