import { useId, type ReactNode } from 'react'

/** Props a form control needs to be labelled, described and marked invalid by its `Field`. */
export interface ControlProps {
  readonly id: string
  readonly 'aria-invalid': boolean
  readonly 'aria-describedby': string | undefined
}

interface FieldProps {
  readonly label: string
  /** Help shown under the control. */
  readonly hint?: ReactNode
  /** The API's (or the form's) reason this field is wrong. */
  readonly error?: string | undefined
  readonly children: (control: ControlProps) => ReactNode
}

/**
 * A labelled form control with its hint and error, wired for assistive technology.
 * @example <Field label="Name" error={errors.name}>{(p) => <input {...p} name="name" />}</Field>
 */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [error !== undefined ? errorId : null, hint !== undefined ? hintId : null].filter((x) => x !== null).join(' ')
  return (
    <div className={error === undefined ? 'field' : 'field field--invalid'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy === '' ? undefined : describedBy })}
      {error !== undefined && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {hint !== undefined && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}
