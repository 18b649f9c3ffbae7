import type { Api, CommandRunner, HttpDeps } from '../types.js'
import { registerAuditRoutes } from './audit/handlers.js'
import { registerHealthRoutes } from './health/handlers.js'
import { registerScheduleRoutes } from './schedules/handlers.js'
import { registerServiceRoutes } from './services/handlers.js'
import { registerTeamRoutes } from './teams/handlers.js'
import { registerTokenRoutes } from './tokens/handlers.js'
import { registerUserRoutes } from './users/handlers.js'

/** Registers every route; each resource folder owns its schemas and handlers. */
export async function registerRoutes(app: Api, deps: HttpDeps, run: CommandRunner): Promise<void> {
  registerHealthRoutes(app, deps)
  registerUserRoutes(app, deps, run)
  registerTokenRoutes(app, deps, run)
  registerTeamRoutes(app, deps, run)
  registerServiceRoutes(app, deps, run)
  registerScheduleRoutes(app, deps, run)
  registerAuditRoutes(app, deps)
}
