import { Link } from '../../components/link'
import { useDocumentTitle } from '../../hooks/use-document-title'

/** Shown for a path no page answers. */
export function NotFoundRoute() {
  useDocumentTitle('Not found')
  return (
    <>
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to="/">See who is on call</Link>.
      </p>
    </>
  )
}
