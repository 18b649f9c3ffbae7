import { sql } from 'kysely'
import { newId } from '../../lib/ids.js'
import { DAY_MS, type Instant } from '../../lib/time/index.js'
import type { Db } from '../../storage/index.js'
import { METRIC_LIMITS, type MetricPoint } from './datapoints.js'
import type { Datapoint } from './model.js'
import { matchesSelector } from './selector.js'

/** Rows per INSERT: well under both engines' bound-parameter limits (5 columns each). */
const INSERT_CHUNK = 1000

/** Stores validated datapoints in the caller's transaction (all or nothing). */
export async function storeDatapoints(db: Db, points: readonly MetricPoint[]): Promise<void> {
  for (let i = 0; i < points.length; i += INSERT_CHUNK) {
    const rows = points.slice(i, i + INSERT_CHUNK).map((p) => ({ id: newId(), name: p.name, labels_json: JSON.stringify(p.labels), value: p.value, at: p.at }))
    await db.insertInto('metric_points').values(rows).execute()
  }
}

/** A metric and the labels a series must have. */
export interface SeriesSelector {
  readonly metric: string
  readonly selector: Readonly<Record<string, string>>
}

/**
 * Returns the datapoints in [from, to) of every series of `metric` matching the selector,
 * pooled, oldest first. Selectors are matched here rather than in SQL so both engines agree.
 */
export async function loadDatapoints(db: Db, s: SeriesSelector, from: Instant, to: Instant): Promise<Datapoint[]> {
  const rows = await db.selectFrom('metric_points').select(['labels_json', 'value', 'at']).where('name', '=', s.metric).where('at', '>=', from).where('at', '<', to).orderBy('at').execute()
  return selectRows(rows, s.selector).map((r) => ({ value: r.value, at: r.at }))
}

/** Raw datapoints for reading (newest first), with their labels. */
export async function listDatapoints(db: Db, s: SeriesSelector, from: Instant, to: Instant, limit: number): Promise<MetricPoint[]> {
  const rows = await db.selectFrom('metric_points').select(['labels_json', 'value', 'at']).where('name', '=', s.metric).where('at', '>=', from).where('at', '<', to).orderBy('at', 'desc').limit(limit * 4).execute()
  return selectRows(rows, s.selector)
    .slice(0, limit)
    .map((r) => ({ name: s.metric, labels: JSON.parse(r.labels_json) as Record<string, string>, value: r.value, at: r.at }))
}

function selectRows<T extends { labels_json: string }>(rows: readonly T[], selector: Readonly<Record<string, string>>): T[] {
  if (Object.keys(selector).length === 0) return [...rows]
  const cache = new Map<string, boolean>()
  return rows.filter((r) => {
    let hit = cache.get(r.labels_json)
    if (hit === undefined) {
      hit = matchesSelector(JSON.parse(r.labels_json) as Record<string, string>, selector)
      cache.set(r.labels_json, hit)
    }
    return hit
  })
}

/**
 * Returns the sums of the selected series' values per bucket of `bucketMs` in [from, to), keyed
 * by the bucket's start (aligned to `from`). Summed in SQL: an SLO reads up to a month of counts.
 */
export async function sumByBucket(db: Db, s: SeriesSelector, from: Instant, to: Instant, bucketMs: number): Promise<Map<Instant, number>> {
  // Literals, not parameters: PostgreSQL matches GROUP BY to the SELECT expression textually.
  const origin = sql.lit(Math.trunc(from))
  const width = sql.lit(Math.trunc(bucketMs))
  const bucket = sql<number>`(${sql.ref('at')} - ((${sql.ref('at')} - ${origin}) % ${width}))`
  const rows = await db
    .selectFrom('metric_points')
    .select(['labels_json', bucket.as('bucket'), sql<number>`sum(${sql.ref('value')})`.as('total')])
    .where('name', '=', s.metric)
    .where('at', '>=', from)
    .where('at', '<', to)
    .groupBy(['labels_json', bucket])
    .execute()
  const out = new Map<Instant, number>()
  for (const r of selectRows(rows, s.selector)) out.set(Number(r.bucket), (out.get(Number(r.bucket)) ?? 0) + Number(r.total))
  return out
}

/**
 * Deletes datapoints older than the retention in chunks (a long delete would hold the writer),
 * at most `max` per call; returns how many. The engine calls it again next time for the rest.
 */
export async function deleteExpiredDatapoints(db: Db, now: Instant, max = 100_000): Promise<number> {
  const cutoff = now - METRIC_LIMITS.retentionDays * DAY_MS
  let deleted = 0
  while (deleted < max) {
    const chunk = db.selectFrom('metric_points').select('id').where('at', '<', cutoff).limit(5_000)
    const result = await db.deleteFrom('metric_points').where('id', 'in', chunk).executeTakeFirst()
    const n = Number(result.numDeletedRows)
    deleted += n
    if (n < 5_000) break
  }
  return deleted
}
