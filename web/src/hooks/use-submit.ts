import { useState } from 'react'
import { ApiError } from '../lib/api-error'

/** The state of a form sent to the API: pending, the reason per field, and the error for the whole form. */
export interface SubmitState {
  readonly pending: boolean
  readonly fieldErrors: Readonly<Record<string, string>>
  /** A message not tied to a field we show (or the API's summary when it is). */
  readonly formError: string | undefined
  /**
   * Runs `send`; on failure records the API's field errors, or `local` errors found before sending.
   * Resolves to whether it succeeded.
   */
  readonly submit: (send: () => Promise<unknown>, local?: Readonly<Record<string, string>>) => Promise<boolean>
}

/**
 * Tracks one form's submission; `shownFields` are the fields the form displays errors beside,
 * so errors about any other field still reach the person through `formError`.
 */
export function useSubmit(shownFields: readonly string[]): SubmitState {
  const [pending, setPending] = useState(false)
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({})
  const [formError, setFormError] = useState<string>()

  const submit = async (send: () => Promise<unknown>, local: Readonly<Record<string, string>> = {}) => {
    if (Object.keys(local).length > 0) {
      setFieldErrors(local)
      setFormError(undefined)
      return false
    }
    setPending(true)
    try {
      await send()
      setFieldErrors({})
      setFormError(undefined)
      return true
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {}
      const unshown = Object.entries(fields).filter(([field]) => !shownFields.includes(field))
      setFieldErrors(fields)
      if (Object.keys(fields).length === 0) setFormError(err instanceof Error ? err.message : String(err))
      else if (unshown.length > 0) setFormError(unshown.map(([field, reason]) => `${field}: ${reason}`).join('; '))
      else setFormError(undefined)
      return false
    } finally {
      setPending(false)
    }
  }
  return { pending, fieldErrors, formError, submit }
}
