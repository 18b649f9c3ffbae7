export { Engine } from './engine.js'
export type { EngineOptions } from './engine.js'
export type { EngineModule, CycleCtx } from './module.js'
export { MAIN_TRACK } from './module.js'
