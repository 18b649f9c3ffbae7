export { checkReadiness, readinessWarnings } from './readiness.js'
export type { PersonReadiness, ReadinessScope } from './readiness.js'
