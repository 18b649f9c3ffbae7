import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { Alert } from '../../components/alert'

// The health pages load on first visit, in their own chunk: they are a large part of the UI that
// most visits never open, and keeping them out keeps the main bundle under Vite's 500 kB warning.
const loading = <p className="muted" role="status">Loading…</p>

/**
 * Catches a chunk that cannot be fetched any more (Tend was upgraded while this tab was open, so
 * the old file names are gone) instead of leaving a blank page.
 */
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

// One chunk for all four pages: people move between the dashboard, report and settings, and a
// tab opened before an upgrade then needs no further file that the upgrade may have removed.
const pages = () => import('./team-health-pages')

/** The team health dashboard (`/teams/:id/health`), loaded on demand. */
export const TeamHealthRoute = deferred(async () => (await pages()).TeamHealthRoute)
/** The weekly report (`/teams/:id/health/report`), loaded on demand. */
export const TeamHealthReportRoute = deferred(async () => (await pages()).TeamHealthReportRoute)
/** The settings and channels (`/teams/:id/health/settings`), loaded on demand. */
export const TeamHealthSettingsRoute = deferred(async () => (await pages()).TeamHealthSettingsRoute)
/** The team picker (`/health`), loaded on demand. */
export const TeamHealthIndexRoute = deferred(async () => (await pages()).TeamHealthIndexRoute)
