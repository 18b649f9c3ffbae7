import type { ReactNode } from 'react'
import { matchPath, useLocation } from '../lib/history'
import { AlertRoute } from './routes/alert'
import { AlertsRoute } from './routes/alerts'
import { FollowUpsRoute } from './routes/follow-ups'
import { MitigationRoute } from './routes/mitigation'
import { MitigationRuleRoute } from './routes/mitigation-rule'
import { NotFoundRoute } from './routes/not-found'
import { OnCallRoute } from './routes/oncall'
import { PeopleRoute } from './routes/people'
import { PersonNotificationsRoute } from './routes/person-notifications'
import { PoliciesRoute } from './routes/policies'
import { ScheduleRoute } from './routes/schedule'
import { SchedulesRoute } from './routes/schedules'
import { ServicesRoute } from './routes/services'
import { TeamsRoute } from './routes/teams'

const ROUTES: readonly { readonly path: string; readonly render: (params: Record<string, string>) => ReactNode }[] = [
  { path: '/', render: () => <OnCallRoute /> },
  { path: '/alerts', render: () => <AlertsRoute /> },
  { path: '/alerts/:id', render: (p) => <AlertRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/policies', render: () => <PoliciesRoute /> },
  { path: '/me/notifications', render: () => <PersonNotificationsRoute /> },
  { path: '/people/:id/notifications', render: (p) => <PersonNotificationsRoute key={p['id']} userId={p['id'] ?? ''} /> },
  { path: '/schedules', render: () => <SchedulesRoute /> },
  { path: '/schedules/:id', render: (p) => <ScheduleRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/teams', render: () => <TeamsRoute /> },
  { path: '/people', render: () => <PeopleRoute /> },
  { path: '/services', render: () => <ServicesRoute /> },
  { path: '/mitigation', render: () => <MitigationRoute /> },
  { path: '/mitigation/rules/:id', render: (p) => <MitigationRuleRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/follow-ups', render: () => <FollowUpsRoute /> },
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
