import { deferred } from '../../components/deferred'

// The alarm-quality pages (alarms, heartbeats, event rules, noise) load on first visit.

/** Alarms by team (`/alarms`). */
export const AlarmsRoute = deferred(async () => (await import('./alarms')).AlarmsRoute)
/** One alarm (`/alarms/:id`). */
export const AlarmRoute = deferred(async () => (await import('./alarm')).AlarmRoute)
/** Heartbeats (`/alarms/heartbeats`). */
export const HeartbeatsRoute = deferred(async () => (await import('./heartbeats')).HeartbeatsRoute)
/** One heartbeat (`/alarms/heartbeats/:id`). */
export const HeartbeatRoute = deferred(async () => (await import('./heartbeats-detail')).HeartbeatRoute)
/** A service's event rules and events (`/alarms/event-rules?service=`). */
export const EventRulesRoute = deferred(async () => (await import('./event-rules')).EventRulesRoute)
/** The noise report (`/alarms/noise`). */
export const NoiseRoute = deferred(async () => (await import('./noise')).NoiseRoute)
