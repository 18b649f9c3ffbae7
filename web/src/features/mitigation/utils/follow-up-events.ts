// Closing a follow-up changes the open count in the navigation bar, which lives outside the page.
const CHANGED_EVENT = 'tend:follow-ups-changed'

/** Tells listeners (the nav badge) that follow-ups were closed or filed. */
export function announceFollowUpsChanged(): void {
  window.dispatchEvent(new Event(CHANGED_EVENT))
}

/** Calls `listener` whenever follow-ups change; returns the unsubscribe. */
export function onFollowUpsChanged(listener: () => void): () => void {
  window.addEventListener(CHANGED_EVENT, listener)
  return () => window.removeEventListener(CHANGED_EVENT, listener)
}
