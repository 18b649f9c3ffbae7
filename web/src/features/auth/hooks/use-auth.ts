import { useContext } from 'react'
import { AuthContext, type Auth } from '../auth-context'

/** Returns the signed-in user and `signOut`; only valid inside `AuthProvider`'s signed-in tree. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (auth === null) throw new Error('useAuth must be used inside AuthProvider once signed in')
  return auth
}
