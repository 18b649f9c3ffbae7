import type { Api, CommandRunner, HttpDeps } from '../types.js'
import { registerActionRoutes } from './actions/handlers.js'
import { registerAlertRoutes } from './alerts/handlers.js'
import { registerEscalationRoutes } from './escalation/handlers.js'
import { registerIntakeRoutes } from './intake/handlers.js'
import { IntegrationCache } from './intake/integration-cache.js'
import { registerNotificationRoutes } from './notifications/handlers.js'
import { registerOncallHealthRoutes } from './oncall-health/handlers.js'
import { registerMitigationRoutes } from './mitigation/handlers.js'
import { registerAgentRoutes } from './agents/handlers.js'
import { registerHeartbeatRoutes } from './heartbeats/handlers.js'
import { registerMaintenanceRoutes } from './maintenance/handlers.js'
import { registerMetricRoutes } from './metrics/handlers.js'
import { registerAlarmRoutes } from './alarms/handlers.js'
import { registerEventRuleRoutes } from './event-rules/handlers.js'
import { registerNoiseRoutes } from './noise/handlers.js'
import { registerAuditRoutes } from './audit/handlers.js'
import { registerHealthRoutes } from './health/handlers.js'
import { registerScheduleRoutes } from './schedules/handlers.js'
import { registerServiceRoutes } from './services/handlers.js'
import { registerTeamRoutes } from './teams/handlers.js'
import { registerTokenRoutes } from './tokens/handlers.js'
import { registerUserRoutes } from './users/handlers.js'
import { registerChangeSafetyRoutes } from './changes/register.js'

/** Registers every route; each resource folder owns its schemas and handlers. */
export async function registerRoutes(app: Api, deps: HttpDeps, run: CommandRunner): Promise<void> {
  registerHealthRoutes(app, deps)
  registerUserRoutes(app, deps, run)
  registerTokenRoutes(app, deps, run)
  registerTeamRoutes(app, deps, run)
  registerServiceRoutes(app, deps, run)
  registerScheduleRoutes(app, deps, run)
  registerAuditRoutes(app, deps)
  registerEscalationRoutes(app, deps, run)
  registerAlertRoutes(app, deps, run)
  registerNotificationRoutes(app, deps, run)
  registerIntakeRoutes(app, deps, new IntegrationCache(deps.storage.db, deps.clock))
  registerActionRoutes(app, deps)
  registerMitigationRoutes(app, deps, run)
  registerAgentRoutes(app, deps)
  registerOncallHealthRoutes(app, deps, run)
  registerHeartbeatRoutes(app, deps, run)
  registerMaintenanceRoutes(app, deps, run)
  registerMetricRoutes(app, deps)
  registerAlarmRoutes(app, deps, run)
  registerEventRuleRoutes(app, deps, run)
  registerNoiseRoutes(app, deps)
  registerChangeSafetyRoutes(app, deps, run)
}
