export { recordAudit, listAudit, SYSTEM_ACTOR } from './audit.js'
export type { Actor, AuditEntry, AuditRecord, AuditQuery } from './audit.js'
