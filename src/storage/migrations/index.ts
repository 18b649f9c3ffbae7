import type { Kysely, Migration } from 'kysely'
import * as createFoundation from './20261127080000-create-foundation.js'
import * as createPaging from './20261127100000-create-paging.js'
import * as createChangeSafety from './20261127120000-create-change-safety.js'
import * as createOncallHealth from './20261127130000-create-oncall-health.js'
import * as createAlarmQuality from './20261127140000-create-alarm-quality.js'
import * as createMitigation from './20261127150000-create-mitigation.js'
import * as indexEngineHotPaths from './20261127160000-index-engine-hot-paths.js'
import * as createMaintenanceWindows from './20261127170000-create-maintenance-windows.js'
import * as createConfigGeneration from './20261127180000-create-config-generation.js'
import * as indexDueTriggered from './20261127190000-index-due-triggered.js'
import * as dropAlertRecordForeignKeys from './20261128040000-drop-alert-record-foreign-keys.js'
import * as bundleMembersOnTimeline from './20261128050000-bundle-members-on-timeline.js'

/**
 * Every migration, in order. Append only: names are `YYYYMMDDhhmmss-purpose`; a test checks
 * that the list is sorted and that each one goes up, down and up again on both engines.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '20261127080000-create-foundation': wrap(createFoundation),
  '20261127100000-create-paging': wrap(createPaging),
  '20261127120000-create-change-safety': wrap(createChangeSafety),
  '20261127130000-create-oncall-health': wrap(createOncallHealth),
  '20261127140000-create-alarm-quality': wrap(createAlarmQuality),
  '20261127150000-create-mitigation': wrap(createMitigation),
  '20261127160000-index-engine-hot-paths': wrap(indexEngineHotPaths),
  '20261127170000-create-maintenance-windows': wrap(createMaintenanceWindows),
  '20261127180000-create-config-generation': wrap(createConfigGeneration),
  '20261127190000-index-due-triggered': wrap(indexDueTriggered),
  '20261128040000-drop-alert-record-foreign-keys': wrap(dropAlertRecordForeignKeys),
  '20261128050000-bundle-members-on-timeline': wrap(bundleMembersOnTimeline),
})

function wrap(m: { up(db: Kysely<any>): Promise<void>; down(db: Kysely<any>): Promise<void> }): Migration {
  return { up: m.up, down: m.down }
}
