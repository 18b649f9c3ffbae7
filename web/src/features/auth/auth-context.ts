import { createContext } from 'react'
import type { User } from '../../types/api'

/** Who is signed in, and how to sign out. */
export interface Auth {
  /** The signed-in user; the app renders its pages only when there is one. */
  readonly user: User
  readonly signOut: () => void
}

/** Provided by `AuthProvider` around the signed-in app. */
export const AuthContext = createContext<Auth | null>(null)
