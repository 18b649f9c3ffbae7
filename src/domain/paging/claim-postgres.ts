import { sql } from 'kysely'
import { CHANNEL_MIN_GAP_MS, dueToSend, inClaimOrder, notificationFromRow, type Notification } from '../notify/index.js'
import type { AlertsTable, Db, NotificationsTable } from '../../storage/index.js'
import type { Instant } from '../../lib/time/index.js'
import { configGenerationColumn } from './config-cache.js'

/** Channels with a minimum gap per destination: their claims need the module lock held while the last send is read. */
const THROTTLED_CHANNELS = Object.keys(CHANNEL_MIN_GAP_MS)

/** What a claimed message needs to be sent: its alert and its contact method, as stored. */
export interface ClaimedLookupRow {
  readonly alert: AlertsTable | null
  readonly cm_id: string | null
  readonly cm_address_sealed: string | null
  readonly cm_signing_secret_sealed: string | null
}

export interface OneStatementClaim {
  /** Whether this instance got the module lock for the statement (another holds it otherwise). */
  readonly locked: boolean
  /** The module version on record, or null when none is. */
  readonly recordedVersion: number | null
  /** Whether messages on throttled channels are due: they are left to the locked transaction. */
  readonly throttledDue: boolean
  readonly claimed: readonly Notification[]
  readonly lookups: readonly ClaimedLookupRow[]
  readonly configGeneration: number | null
}

type Row = NotificationsTable &
  Omit<ClaimedLookupRow, 'alert'> & {
    locked: boolean
    recorded_version: number | null
    throttled_due: boolean
    config_generation: number | null
    alert_row: AlertsTable | null
  }

/**
 * PostgreSQL: the outbox's claim as one statement, without a transaction. It takes the module's
 * advisory lock for the statement, reads the version on record, marks the due messages on
 * unthrottled channels `sending` (only when it got the lock and no newer version ran), and
 * returns them with their alerts, contact methods and the configuration counter. The locked
 * transaction took five round trips for this; on a loaded 2-core machine each costs
 * milliseconds. The claim re-checks the due condition on each row, as claimDueNotifications does.
 */
export async function claimInOneStatement(db: Db, now: Instant, deadline: Instant, limit: number, module: string, version: number): Promise<OneStatementClaim> {
  const throttled = sql.join(THROTTLED_CHANNELS.map((c) => sql.lit(c)))
  const result = await sql<Row>`
    with lock as (
      select pg_try_advisory_xact_lock(hashtext(${'tend:' + module})) as locked,
        (select version from engine_module_versions where name = ${module}) as recorded_version
    ),
    claimed as (
      update notifications set status = 'sending', sending_until = ${deadline}, attempts = attempts + 1
      where id in (select id from notifications where ${dueToSend(now)} and channel not in (${throttled}) order by next_attempt_at limit ${limit})
        and ${dueToSend(now)}
        and (select locked from lock)
        and coalesce((select recorded_version from lock), 0) <= ${version}
      returning *
    )
    select c.*, l.locked, l.recorded_version,
      exists (select 1 from notifications where ${dueToSend(now)} and channel in (${throttled})) as throttled_due,
      ${configGenerationColumn()} as config_generation,
      to_jsonb(a) as alert_row,
      cm.id as cm_id, cm.address_sealed as cm_address_sealed, cm.signing_secret_sealed as cm_signing_secret_sealed
    from lock l
      left join claimed c on true
      left join alerts a on a.id = c.alert_id
      left join contact_methods cm on cm.id = c.contact_method_id
  `.execute(db)
  const first = result.rows[0]
  const claimedRows = inClaimOrder(result.rows.filter((r) => r.id !== null))
  return {
    locked: first?.locked === true,
    recordedVersion: first?.recorded_version ?? null,
    throttledDue: first?.throttled_due === true,
    claimed: claimedRows.map(notificationFromRow),
    lookups: claimedRows.map((r) => ({ alert: r.alert_row, cm_id: r.cm_id, cm_address_sealed: r.cm_address_sealed, cm_signing_secret_sealed: r.cm_signing_secret_sealed })),
    configGeneration: first?.config_generation ?? null,
  }
}
