import type { Api, CommandRunner, HttpDeps } from '../../types.js'
import { registerDeployRoutes } from '../deploys/handlers.js'
import { registerFreezeRoutes } from '../deploys/freezes.js'
import { registerPolicyRoutes } from '../deploys/policies.js'
import { registerChangeRoutes } from './handlers.js'
import { registerChangeInsightRoutes } from './insights.js'

/** Registers change safety: deploy policies, freezes, change requests, the deploy gate, deployments, metrics and the calendar. */
export function registerChangeSafetyRoutes(app: Api, deps: HttpDeps, run: CommandRunner): void {
  registerPolicyRoutes(app, deps, run)
  registerFreezeRoutes(app, deps, run)
  registerChangeRoutes(app, deps, run)
  registerDeployRoutes(app, deps, run)
  registerChangeInsightRoutes(app, deps)
}
