import type { ReactNode } from 'react'
import { matchPath, useLocation } from '../lib/history'
import { NotFoundRoute } from './routes/not-found'
import { OnCallRoute } from './routes/oncall'
import { PeopleRoute } from './routes/people'
import { ScheduleRoute } from './routes/schedule'
import { SchedulesRoute } from './routes/schedules'
import { ServicesRoute } from './routes/services'
import { TeamsRoute } from './routes/teams'

const ROUTES: readonly { readonly path: string; readonly render: (params: Record<string, string>) => ReactNode }[] = [
  { path: '/', render: () => <OnCallRoute /> },
  { path: '/schedules', render: () => <SchedulesRoute /> },
  { path: '/schedules/:id', render: (p) => <ScheduleRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/teams', render: () => <TeamsRoute /> },
  { path: '/people', render: () => <PeopleRoute /> },
  { path: '/services', render: () => <ServicesRoute /> },
]

/** Renders the page for the current path; `tend serve` answers every such path with index.html. */
export function AppRouter() {
  const { pathname } = useLocation()
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname)
    if (params !== null) return <>{route.render(params)}</>
  }
  return <NotFoundRoute />
}
