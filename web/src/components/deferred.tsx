import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { Alert } from './alert'

// Pages most visits never open (change safety, health, alarm quality) load on first visit, in
// chunks of their own, so the main bundle stays under Vite's 500 kB warning.
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

/** A page component loaded on first render, with a loading line and a reload offer if its chunk is gone. */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }))
  return (props: P) => (
    <ChunkBoundary>
      <Suspense fallback={loading}>
        <Lazy {...props} />
      </Suspense>
    </ChunkBoundary>
  )
}
