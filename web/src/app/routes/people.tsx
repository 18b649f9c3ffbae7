import { LoadState } from '../../components/load-state'
import { getUsers } from '../../features/users/api/get-users'
import { UserCreateDialog } from '../../features/users/components/user-create-dialog'
import { UserList } from '../../features/users/components/user-list'
import { useAsync } from '../../hooks/use-async'
import { useDocumentTitle } from '../../hooks/use-document-title'

/** Everyone, with their local time, and a form to add a person. */
export function PeopleRoute() {
  useDocumentTitle('People')
  const { data, error, loading, reload } = useAsync((signal) => getUsers(signal), [])
  return (
    <>
      <div className="page__header page__header--actions">
        <h1>People</h1>
        <UserCreateDialog onCreated={reload} />
      </div>
      <LoadState loading={loading && data === undefined} error={error} retry={reload} />
      {/* Local times here are a courtesy display, so the browser's clock is good enough. */}
      {data !== undefined && <UserList users={data} now={Date.now()} />}
    </>
  )
}
