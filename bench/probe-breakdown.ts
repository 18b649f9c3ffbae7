/**
 * Where a probe's event → webhook time goes at 1,000 events/s: runs the paced load of the
 * paging benchmark against one `tend serve` and, per probe, splits its latency into stages
 * read back from the database (one clock: the server's and the load generator's epoch ms):
 * POST start → alert stored → page queued (escalation fired) → page sent (outbox) → webhook
 * received. Prints percentiles of each stage as JSON. A diagnostic, not part of `npm run bench`.
 *
 * Run with `npm run build:server && npx tsx bench/probe-breakdown.ts [sqlite|postgres]`.
 */
import { openStorage } from '../src/storage/index.js'
import { epochMs, openLoop } from './lib/http-load.js'
import { summarize } from './lib/stats.js'
import { pdEvent, setupTendScenario } from './lib/tend-scenario.js'
import { BENCH_TOKEN, startTend } from './lib/tend-process.js'
import { WebhookSink } from './lib/webhook-sink.js'

const dialect = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite'
const PROBE_EVERY = 50
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const sink = await WebhookSink.start()
const tend = await startTend(dialect)
try {
  const scenario = await setupTendScenario(tend.url, BENCH_TOKEN, sink.url, 200)
  await sleep(500)
  await sink.reset()
  const starts = new Map<number, number>()
  const isProbe = (i: number) => i % PROBE_EVERY === PROBE_EVERY / 2
  const probeOf = (i: number) => (i - PROBE_EVERY / 2) / PROBE_EVERY
  await openLoop(
    { url: `${tend.url}/v2/enqueue`, body: (i) => (isProbe(i) ? pdEvent(scenario.probeKeys[probeOf(i)] ?? '', `probe-${probeOf(i)}`) : pdEvent(scenario.loadKey, `load-${i}`)) },
    { ratePerSec: 1_000, durationMs: 10_000, maxInFlight: 64, timeoutMs: 10_000, onStart: (i, at) => (isProbe(i) ? starts.set(probeOf(i), at) : undefined) },
  )
  const deadline = epochMs() + 15_000
  let snap = await sink.snapshot()
  while (Object.keys(snap.probes).length < starts.size && epochMs() < deadline) {
    await sleep(100)
    snap = await sink.snapshot()
  }
  const storage = openStorage(tend.databaseUrl)
  const rows = await storage.db
    .selectFrom('alerts')
    .innerJoin('notifications', 'notifications.alert_id', 'alerts.id')
    .innerJoin('notification_attempts as attempt', 'attempt.notification_id', 'notifications.id')
    .select(['alerts.dedup_key', 'alerts.created_at as stored', 'notifications.created_at as queued', 'notifications.sent_at as sent', 'attempt.duration_ms as sendMs'])
    .where('alerts.dedup_key', 'like', 'probe-%')
    .where('notifications.kind', '=', 'alert')
    .execute()
  await storage.close()
  const stages: Record<string, number[]> = { post_to_stored: [], stored_to_queued: [], queued_to_sent: [], queued_to_send_start: [], send_start_to_sent: [], sent_to_received: [], total: [] }
  for (const r of rows) {
    const j = Number(r.dedup_key.slice('probe-'.length))
    const start = starts.get(j)
    const received = snap.probes[r.dedup_key]
    if (start === undefined || received === undefined || r.sent === null) continue
    stages['post_to_stored']?.push(Number(r.stored) - start)
    stages['stored_to_queued']?.push(Number(r.queued) - Number(r.stored))
    stages['queued_to_sent']?.push(Number(r.sent) - Number(r.queued))
    // The provider call started its duration before the attempt was recorded: the rest of the chunk, its commit, the outbox's wake and claim come before it.
    stages['queued_to_send_start']?.push(Number(r.sent) - Number(r.sendMs) - Number(r.queued))
    stages['send_start_to_sent']?.push(Number(r.sendMs))
    stages['sent_to_received']?.push(received - Number(r.sent))
    stages['total']?.push(received - start)
  }
  console.log(JSON.stringify({ dialect, probes: rows.length, stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, summarize(v)])) }, null, 1))
} finally {
  await tend.stop()
  await sink.stop()
}
