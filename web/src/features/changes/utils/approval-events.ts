// Approving changes the count in the navigation bar, which lives outside the page.
const CHANGED_EVENT = 'tend:approvals-changed'

/** Tells listeners (the nav badge) that a change was approved, submitted or granted an exception. */
export function announceApprovalsChanged(): void {
  window.dispatchEvent(new Event(CHANGED_EVENT))
}

/** Calls `listener` whenever approvals change; returns the unsubscribe. */
export function onApprovalsChanged(listener: () => void): () => void {
  window.addEventListener(CHANGED_EVENT, listener)
  return () => window.removeEventListener(CHANGED_EVENT, listener)
}
