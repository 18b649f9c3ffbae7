import type { EngineModule } from '../module.js'
import { handoffNoticeManager } from './handoff-notice-manager.js'

/** The engine's modules, in the order each cycle runs them. */
export function engineModules(): EngineModule[] {
  return [handoffNoticeManager]
}
