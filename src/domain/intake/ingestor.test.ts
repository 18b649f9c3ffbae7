import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../lib/time/index.js'
import type { Storage } from '../../storage/index.js'
import { Ingestor, IngestOverloadError, type IngestJob } from './ingestor.js'

/** A store whose transactions wait until the test lets them commit (a store that is not keeping up). */
function stalledStorage() {
  const waiting: (() => void)[] = []
  const stalled = () => new Promise<unknown[]>((resolve) => waiting.push(() => resolve([])))
  const storage = {
    db: { transaction: () => ({ execute: stalled }) },
    transactionSyncedLater: async () => ({ result: await stalled(), durable: Promise.resolve() }),
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

describe('Ingestor on SQLite', () => {
  /**
   * A store whose commits succeed at once and whose disk syncs the test finishes by hand.
   * `failFirst`: the first transaction fails instead (a batch holding a bad event).
   */
  function syncedByHand(opts: { failFirst?: boolean } = {}) {
    const syncs: { done(): void; fail(err: Error): void }[] = []
    let commits = 0
    const storage = {
      dialect: 'sqlite',
      transactionSyncedLater: async () => {
        commits += 1
        if (opts.failFirst === true && commits === 1) throw new Error('constraint failed')
        return { result: [[]], durable: new Promise<void>((resolve, reject) => syncs.push({ done: resolve, fail: reject })) }
      },
    } as unknown as Storage
    return { storage, syncs, commits: () => commits }
  }
  const state = async (p: Promise<unknown>): Promise<string> => {
    let s = 'pending'
    p.then(
      () => (s = 'answered'),
      () => (s = 'refused'),
    )
    await turn()
    return s
  }

  it('answers a batch once its commit is on disk, and stores the next batch while that sync runs', async () => {
    const { storage, syncs, commits } = syncedByHand()
    let wakes = 0
    const ingestor = new Ingestor(storage, new ManualClock(0), pino({ level: 'silent' }), () => (wakes += 1))
    const first = ingestor.submit(job)
    await turn()
    expect(commits()).toBe(1)
    expect(await state(first)).toBe('pending')
    expect(wakes).toBe(0)
    const second = ingestor.submit(job)
    await turn()
    // Committed while the first batch's sync still runs.
    expect(commits()).toBe(2)
    syncs[0]?.done()
    expect(await state(first)).toBe('answered')
    expect(await state(second)).toBe('pending')
    // The engine is woken for work that is on disk.
    expect(wakes).toBe(1)
    let drained = false
    void ingestor.drain().then(() => (drained = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(drained).toBe(false)
    syncs[1]?.fail(new Error('could not sync tend.db-wal to disk: EIO'))
    await expect(second).rejects.toThrow('EIO')
    await new Promise((r) => setTimeout(r, 20))
    expect(drained).toBe(true)
    expect(wakes).toBe(1)
  })

  it('retries a failed batch one job at a time without waiting for a sync per job', async () => {
    // The whole batch fails (one of its events is bad); each job alone then commits.
    const { storage, syncs, commits } = syncedByHand({ failFirst: true })
    let wakes = 0
    const ingestor = new Ingestor(storage, new ManualClock(0), pino({ level: 'silent' }), () => (wakes += 1))
    const jobs = [ingestor.submit(job), ingestor.submit(job), ingestor.submit(job)]
    await new Promise((r) => setTimeout(r, 20))
    // Every job committed while the first one's sync still runs.
    expect(commits()).toBe(4)
    expect(await Promise.all(jobs.map(state))).toEqual(['pending', 'pending', 'pending'])
    syncs[0]?.done()
    syncs[1]?.fail(new Error('could not sync tend.db-wal to disk: EIO'))
    syncs[2]?.done()
    expect(await Promise.all(jobs.map(state))).toEqual(['answered', 'refused', 'answered'])
    expect(wakes).toBe(2)
  })
})
