import type { EngineModule } from '../module.js'
import { alarmManager } from './alarm-manager.js'
import { heldEventManager } from './held-event-manager.js'
import { autoResolveManager } from './auto-resolve-manager.js'
import type { PagingDeps } from './deps.js'
import { escalationManager } from './escalation-manager.js'
import { handoffNoticeManager } from './handoff-notice-manager.js'
import { heartbeatManager } from './heartbeat-manager.js'
import { mitigationManager, mitigationRunsManager } from './mitigation-manager.js'
import { oncallHealthManager } from './oncall-health-manager.js'
import { outboxSender } from './outbox-sender.js'

export type { PagingDeps } from './deps.js'
export { SEND_TRACK } from './outbox-sender.js'

/**
 * The engine's modules, in the order each cycle runs them: raise (heartbeats, alarms, held
 * events), mitigate, escalate; sending runs in its own track (SEND_TRACK), beside them.
 */
export function engineModules(deps: PagingDeps): EngineModule[] {
  return [heartbeatManager(), alarmManager(), heldEventManager(), mitigationManager(), mitigationRunsManager(deps), escalationManager(deps), autoResolveManager, handoffNoticeManager, outboxSender(deps), oncallHealthManager(deps)]
}
