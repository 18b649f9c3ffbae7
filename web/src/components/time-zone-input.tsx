import { useId, type InputHTMLAttributes } from 'react'

// Older browsers lack Intl.supportedValuesOf; the input then still accepts any zone typed in.
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []

/** A text input suggesting every IANA zone the browser knows. */
export function TimeZoneInput(props: InputHTMLAttributes<HTMLInputElement>) {
  const listId = useId()
  return (
    <>
      <input type="text" autoComplete="off" spellCheck={false} list={listId} {...props} />
      <datalist id={listId}>
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  )
}
