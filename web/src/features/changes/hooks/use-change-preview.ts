import { useEffect, useState } from 'react'
import type { ChangePreview } from '../../../types/api'
import type { ChangeInput } from '../api/create-change'
import { previewChange } from '../api/preview-change'

/** Waits this long after the last keystroke before asking the API, so typing stays smooth. */
const DEBOUNCE_MS = 350

/** The latest preview, whether one is on its way for newer input, and why the last one failed. */
export interface PreviewState {
  readonly preview: ChangePreview | undefined
  /** The input changed and its preview has not arrived yet. */
  readonly stale: boolean
  readonly error: Error | undefined
}

/**
 * Checks `input` with POST /changes/preview as the author types (debounced; an older request is
 * aborted when a newer one starts), keeping the last answer on screen until the next arrives.
 */
export function useChangePreview(input: ChangeInput): PreviewState {
  const key = JSON.stringify(input)
  const [state, setState] = useState<{ readonly key: string; readonly preview: ChangePreview | undefined; readonly error: Error | undefined }>({ key: '', preview: undefined, error: undefined })

  useEffect(() => {
    const controller = new AbortController()
    const timer = window.setTimeout(() => {
      previewChange(JSON.parse(key) as ChangeInput, controller.signal).then(
        (preview) => setState({ key, preview, error: undefined }),
        (err: unknown) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, key, error: err instanceof Error ? err : new Error(String(err)) }))
        },
      )
    }, DEBOUNCE_MS)
    return () => {
      window.clearTimeout(timer)
      controller.abort()
    }
  }, [key])

  return { preview: state.preview, stale: state.key !== key, error: state.error }
}
