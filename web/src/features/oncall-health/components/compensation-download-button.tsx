import { useState } from 'react'
import { downloadCompensation } from '../api/download-compensation'

interface CompensationDownloadButtonProps {
  readonly teamId: string
  /** RFC 3339 instants: the ledger covers [from, to). */
  readonly from: string
  readonly to: string
}

/** "Download compensation CSV": the time-in-lieu ledger of the range (team admins), fetched with the token and saved by the browser. */
export function CompensationDownloadButton({ teamId, from, to }: CompensationDownloadButtonProps) {
  const [state, setState] = useState<{ readonly pending: boolean; readonly error?: string; readonly saved?: string }>({ pending: false })
  const onClick = async () => {
    setState({ pending: true })
    try {
      const name = await downloadCompensation(teamId, { from, to })
      setState({ pending: false, saved: name })
    } catch (err) {
      setState({ pending: false, error: err instanceof Error ? err.message : String(err) })
    }
  }
  return (
    <span className="compensation-download">
      <button type="button" className="button button--small" onClick={onClick} disabled={state.pending}>
        {state.pending ? 'Preparing…' : 'Download compensation CSV'}
      </button>
      {state.saved !== undefined && <span className="muted" role="status"> Saved {state.saved}</span>}
      {state.error !== undefined && <span className="field__error" role="alert"> {state.error}</span>}
    </span>
  )
}
