import { Alert } from './alert'

/** Shows loading or a load failure; renders nothing once data is there and no error occurred. */
export function LoadState({ loading, error, retry }: { readonly loading: boolean; readonly error: Error | undefined; readonly retry?: () => void }) {
  if (error !== undefined) {
    return (
      <Alert>
        <p>Could not load this page: {error.message}</p>
        {retry !== undefined && (
          <button type="button" className="button button--small" onClick={retry}>
            Try again
          </button>
        )}
      </Alert>
    )
  }
  if (loading) return <p className="muted" role="status">Loading…</p>
  return null
}
