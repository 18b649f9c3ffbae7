import { describe, expect, it } from 'vitest'
import { createTestDatabase, DIALECTS } from '../../test/harness/storage.js'
import { openStorage } from './index.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe.runIf(DIALECTS.includes('postgres'))('postgres: waking other instances', () => {
  it('tells another instance about new work, folding a burst of commits into one wake-up now and one after it', async () => {
    const db = await createTestDatabase('postgres')
    const other = openStorage(db.url)
    try {
      let wakes = 0
      other.listenForPeers(
        () => wakes++,
        (err) => {
          throw err
        },
      )
      // The listener connects in the background: ask until it has heard one.
      await expect
        .poll(async () => {
          db.storage.notifyPeers()
          await sleep(20)
          return wakes
        })
        .toBeGreaterThan(0)
      await sleep(50)
      wakes = 0
      // 200 commits in one turn: one wake-up goes at once, the rest fold into one more after
      // the gap, so the last commit is never left unannounced.
      for (let i = 0; i < 200; i++) db.storage.notifyPeers()
      await expect.poll(() => wakes).toBe(2)
      await sleep(50)
      expect(wakes).toBe(2)
    } finally {
      await other.close()
      await db.dispose()
    }
  })
})
