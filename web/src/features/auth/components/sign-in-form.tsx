import { useState, type FormEvent } from 'react'
import { Alert } from '../../../components/alert'
import { Field } from '../../../components/field'
import { useSubmit } from '../../../hooks/use-submit'

interface SignInFormProps {
  /** Checks the token with the server and keeps it; rejects with the server's reason. */
  readonly onSignIn: (token: string) => Promise<void>
  readonly notice?: string | undefined
}

/** The sign-in page: paste an API token (`tend serve` prints the first admin's). */
export function SignInForm({ onSignIn, notice }: SignInFormProps) {
  const [token, setToken] = useState('')
  const { pending, fieldErrors, formError, submit } = useSubmit(['token'])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = token.trim()
    // A rejected token is a problem without fields: show the server's reason beside the input.
    await submit(() => onSignIn(trimmed), trimmed === '' ? { token: 'Paste an API token' } : {})
  }

  return (
    <main className="sign-in">
      <form className="card sign-in__card" onSubmit={onSubmit} noValidate>
        <h1 className="sign-in__title">
          <span className="brand-mark" aria-hidden="true">◆</span> Sign in to Tend
        </h1>
        {notice !== undefined && <Alert tone="info">{notice}</Alert>}
        <Field
          label="API token"
          error={fieldErrors['token'] ?? formError}
          hint={<>Starts with <code>tend_pat_</code>. <code>tend serve</code> prints the first admin token when it creates the database.</>}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              name="token"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
