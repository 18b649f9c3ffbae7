import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../lib/time/index.js'
import type { Storage } from '../../storage/index.js'
import { Ingestor, IngestOverloadError, type IngestJob } from './ingestor.js'

/** A store whose transactions wait until the test lets them commit (a store that is not keeping up). */
function stalledStorage() {
  const waiting: (() => void)[] = []
  const storage = {
    db: { transaction: () => ({ execute: () => new Promise<unknown[]>((resolve) => waiting.push(() => resolve([]))) }) },
  } as unknown as Storage
  return { storage, commitAll: () => waiting.splice(0).forEach((commit) => commit()) }
}

const job = { events: [] } as unknown as IngestJob
const turn = () => new Promise((r) => setImmediate(r))

describe('Ingestor past capacity', () => {
  it('refuses new events (503) once the oldest queued one has waited too long, and takes them again when the store catches up', async () => {
    const { storage, commitAll } = stalledStorage()
    let now = 0
    const ingestor = new Ingestor(storage, new ManualClock(0), pino({ level: 'silent' }), () => undefined, 20_000, { maxWaitMs: 2_000, monotonicNow: () => now })
    const first = ingestor.submit(job)
    await turn() // the first batch is now committing (stalled)
    const queued = ingestor.submit(job)
    now = 2_000
    const atLimit = ingestor.submit(job) // waited exactly the limit: still taken
    now = 2_001
    await expect(ingestor.submit(job)).rejects.toThrow(IngestOverloadError)
    await expect(ingestor.submit(job)).rejects.toThrow(/waiting more than 2000 ms to be stored \(2 queued\)/)
    commitAll()
    await expect(first).resolves.toEqual([])
    await turn()
    commitAll()
    await expect(Promise.all([queued, atLimit])).resolves.toEqual([[], []])
    // Caught up: the queue is empty, so new events are taken again.
    const later = ingestor.submit(job)
    await turn()
    commitAll()
    await expect(later).resolves.toEqual([])
  })

  it('still refuses past the queue length limit', async () => {
    const { storage } = stalledStorage()
    const ingestor = new Ingestor(storage, new ManualClock(0), pino({ level: 'silent' }), () => undefined, 2, { monotonicNow: () => 0 })
    void ingestor.submit(job)
    await turn()
    void ingestor.submit(job)
    void ingestor.submit(job)
    await expect(ingestor.submit(job)).rejects.toThrow(/the event queue is full \(2 waiting\)/)
  })
})
