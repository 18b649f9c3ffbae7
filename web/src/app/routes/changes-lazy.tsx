import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { Alert } from '../../components/alert'

// The change-safety pages load on first visit, in one chunk of their own, so the main bundle stays
// under Vite's 500 kB warning. The alert page's recent-changes panel and the nav badge stay in
// the main bundle: an on-call opening an alert must not wait for a chunk.
// (team-health-lazy.tsx has the same helper; it belongs in components/ once someone may move it.)
const loading = <p className="muted" role="status">Loading…</p>

/** Catches a chunk that cannot be fetched any more (Tend was upgraded while the tab was open) instead of leaving a blank page. */
class ChunkBoundary extends Component<{ readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <Alert>
        <p>This page could not be loaded. Tend may have been upgraded since this tab was opened.</p>
        <button type="button" className="button button--small" onClick={() => window.location.reload()}>Reload</button>
      </Alert>
    )
  }
}

function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }))
  return (props: P) => (
    <ChunkBoundary>
      <Suspense fallback={loading}>
        <Lazy {...props} />
      </Suspense>
    </ChunkBoundary>
  )
}

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
