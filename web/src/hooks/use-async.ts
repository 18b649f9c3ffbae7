import { useCallback, useEffect, useState, type DependencyList } from 'react'

/** The state of data loaded from the API; `data` keeps the last value while a reload runs. */
export interface AsyncState<T> {
  readonly data: T | undefined
  readonly error: Error | undefined
  readonly loading: boolean
  /** Loads again (after a change the page made, say). */
  readonly reload: () => void
}

/**
 * Runs `load` when `deps` change and on `reload()`, aborting the previous run.
 * @example const teams = useAsync((signal) => getTeams(signal), [])
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<Error>()
  const [loading, setLoading] = useState(true)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return
        setData(value)
        setError(undefined)
        setLoading(false)
      },
      (err: unknown) => {
        if (controller.signal.aborted) return
        setError(err instanceof Error ? err : new Error(String(err)))
        setLoading(false)
      },
    )
    return () => controller.abort()
    // `load` is a fresh closure each render; `deps` say when its result can change.
  }, [...deps, generation])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { data, error, loading, reload }
}
