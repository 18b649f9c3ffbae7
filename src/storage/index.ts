export { openStorage, redactUrl, NoLockError } from './db.js'
export type { Storage, Db, Tx, DialectName, MigrationReport } from './db.js'
export type * from './schema.js'
