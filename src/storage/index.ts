export { openStorage, redactUrl, NoLockError } from './db.js'
export { insertRow, type InsertRowOptions } from './insert-row.js'
export type { Storage, StorageOptions, Db, Tx, DialectName, MigrationReport } from './db.js'
export type * from './schema.js'
