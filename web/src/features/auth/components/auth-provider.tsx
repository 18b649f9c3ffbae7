import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { Alert } from '../../../components/alert'
import { onUnauthorized } from '../../../lib/api-client'
import { ApiError } from '../../../lib/api-error'
import { clearToken, readToken, saveToken } from '../../../lib/token-storage'
import type { User } from '../../../types/api'
import { getMe } from '../api/get-me'
import { AuthContext } from '../auth-context'
import { SignInForm } from './sign-in-form'

type State =
  | { readonly status: 'checking' }
  | { readonly status: 'signed-out'; readonly notice?: string }
  | { readonly status: 'unreachable'; readonly message: string }
  | { readonly status: 'signed-in'; readonly user: User }

/** Signs in with an API token kept in localStorage; shows the sign-in page until a token checks out. */
export function AuthProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<State>(() => (readToken() === null ? { status: 'signed-out' } : { status: 'checking' }))
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (state.status !== 'checking') return
    const controller = new AbortController()
    getMe({ signal: controller.signal }).then(
      (user) => setState({ status: 'signed-in', user }),
      (err: unknown) => {
        if (controller.signal.aborted) return
        if (err instanceof ApiError && err.status === 401) {
          clearToken()
          setState({ status: 'signed-out', notice: 'Your saved token no longer works. Sign in again.' })
        } else {
          // Keep the token: the server may be restarting, and the token is still good.
          setState({ status: 'unreachable', message: err instanceof Error ? err.message : String(err) })
        }
      },
    )
    return () => controller.abort()
  }, [state.status, attempt])

  useEffect(
    () =>
      onUnauthorized(() => {
        clearToken()
        setState({ status: 'signed-out', notice: 'Your token was rejected (revoked or expired). Sign in again.' })
      }),
    [],
  )

  const signIn = useCallback(async (token: string) => {
    const user = await getMe({ token })
    saveToken(token)
    setState({ status: 'signed-in', user })
  }, [])

  const signOut = useCallback(() => {
    clearToken()
    setState({ status: 'signed-out' })
  }, [])

  const auth = useMemo(() => (state.status === 'signed-in' ? { user: state.user, signOut } : null), [state, signOut])

  switch (state.status) {
    case 'checking':
      return <p className="muted center-page" role="status">Checking your token…</p>
    case 'unreachable':
      return (
        <main className="center-page">
          <Alert>
            <p>Could not reach Tend: {state.message}</p>
            <button type="button" className="button" onClick={() => { setState({ status: 'checking' }); setAttempt((a) => a + 1) }}>
              Try again
            </button>
          </Alert>
        </main>
      )
    case 'signed-out':
      return <SignInForm onSignIn={signIn} notice={state.notice} />
    case 'signed-in':
      return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>
  }
}
