import type { ReactNode } from 'react'
import { matchPath, useLocation } from '../lib/history'
import { AlertRoute } from './routes/alert'
import { AlertsRoute } from './routes/alerts'
import { AlarmRoute, AlarmsRoute, EventRulesRoute, HeartbeatRoute, HeartbeatsRoute, NoiseRoute } from './routes/alarms-lazy'
import { ChangeCalendarRoute, ChangesCheckRoute, ChangesDetailRoute, ChangesEditRoute, ChangesInboxRoute, ChangesNewRoute, ChangesPolicyRoute, ChangesRoute } from './routes/changes-lazy'
import { FollowUpsRoute } from './routes/follow-ups'
import { MaintenanceRoute } from './routes/maintenance'
import { MaintenanceDetailRoute } from './routes/maintenance-detail'
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
import { TeamHealthIndexRoute, TeamHealthReportRoute, TeamHealthRoute, TeamHealthSettingsRoute } from './routes/team-health-lazy'
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
  { path: '/health', render: () => <TeamHealthIndexRoute /> },
  { path: '/teams/:id/health', render: (p) => <TeamHealthRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/teams/:id/health/report', render: (p) => <TeamHealthReportRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/teams/:id/health/settings', render: (p) => <TeamHealthSettingsRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/people', render: () => <PeopleRoute /> },
  { path: '/services', render: () => <ServicesRoute /> },
  { path: '/mitigation', render: () => <MitigationRoute /> },
  { path: '/mitigation/rules/:id', render: (p) => <MitigationRuleRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/follow-ups', render: () => <FollowUpsRoute /> },
  { path: '/maintenance', render: () => <MaintenanceRoute /> },
  { path: '/maintenance/:id', render: (p) => <MaintenanceDetailRoute key={p['id']} id={p['id'] ?? ''} /> },
  // Alarm quality: the fixed pages come before `/alarms/:id`, which would match them too.
  { path: '/alarms', render: () => <AlarmsRoute /> },
  { path: '/alarms/heartbeats', render: () => <HeartbeatsRoute /> },
  { path: '/alarms/heartbeats/:id', render: (p) => <HeartbeatRoute key={p['id']} id={p['id'] ?? ''} /> },
  { path: '/alarms/event-rules', render: () => <EventRulesRoute /> },
  { path: '/alarms/noise', render: () => <NoiseRoute /> },
  { path: '/alarms/:id', render: (p) => <AlarmRoute key={p['id']} id={p['id'] ?? ''} /> },
  // Fixed change pages come before `/changes/:key`, which would match them too.
  { path: '/changes', render: () => <ChangesRoute /> },
  { path: '/changes/new', render: () => <ChangesNewRoute /> },
  { path: '/changes/inbox', render: () => <ChangesInboxRoute /> },
  { path: '/changes/calendar', render: () => <ChangeCalendarRoute /> },
  { path: '/changes/policy', render: () => <ChangesPolicyRoute /> },
  { path: '/changes/check', render: () => <ChangesCheckRoute /> },
  { path: '/changes/:key', render: (p) => <ChangesDetailRoute key={p['key']} changeKey={p['key'] ?? ''} /> },
  { path: '/changes/:key/edit', render: (p) => <ChangesEditRoute key={p['key']} changeKey={p['key'] ?? ''} /> },
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
