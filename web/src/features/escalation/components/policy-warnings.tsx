import { Alert } from '../../../components/alert'

/** The API's warnings about people in a policy who cannot be woken, in a yellow box; nothing when there are none. */
export function PolicyWarnings({ warnings, lead }: { readonly warnings: readonly string[] | undefined; readonly lead?: string }) {
  if (warnings === undefined || warnings.length === 0) return null
  return (
    <Alert tone="warning">
      {lead !== undefined && <p><strong>{lead}</strong></p>}
      <ul className="warning-list">
        {warnings.map((w) => <li key={w}>{w}</li>)}
      </ul>
    </Alert>
  )
}
