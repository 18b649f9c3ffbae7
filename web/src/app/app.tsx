import { AuthProvider } from '../features/auth/components/auth-provider'
import { Layout } from './layout'
import { AppRouter } from './router'

/** The whole UI: sign-in first, then the navigation bar and the page for the current path. */
export function App() {
  return (
    <AuthProvider>
      <Layout>
        <AppRouter />
      </Layout>
    </AuthProvider>
  )
}
