export { notifyHandoff } from './notify-handoff.js'
export type { HandoffNotice } from './notify-handoff.js'
