import { pino } from 'pino'
import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../lib/time/index.js'
import type { Storage } from '../storage/index.js'
import { Engine } from './engine.js'
import { SECONDLY_MS, type EngineModule } from './module.js'

/** A module that only counts its runs. */
function counting(name: `engine.${string}`, minIntervalMs: number): EngineModule & { runs: number } {
  const m = {
    name,
    version: 1,
    minIntervalMs,
    runs: 0,
    async run() {
      m.runs += 1
    },
  }
  return m
}

describe('Engine', () => {
  it('runs a secondly module at most once per second of engine time however often it is woken; runOnce runs everything', async () => {
    const clock = new ManualClock(Date.parse('2026-11-24T10:00:00Z'))
    const fast = counting('engine.fast', 0)
    const slow = counting('engine.slow', SECONDLY_MS)
    const engine = new Engine([slow, fast], { storage: {} as Storage, clock, log: pino({ level: 'silent' }), metrics: new Registry(), tickMs: 60_000 })
    engine.start()
    try {
      await expect.poll(() => fast.runs).toBe(1)
      // Woken by commits, again and again, within the same second.
      for (let wakes = 2; wakes <= 5; wakes++) {
        engine.wake()
        await expect.poll(() => fast.runs).toBe(wakes)
      }
      expect(slow.runs).toBe(1)
      clock.advance(SECONDLY_MS - 1)
      engine.wake()
      await expect.poll(() => fast.runs).toBe(6)
      expect(slow.runs).toBe(1)
      clock.advance(1)
      engine.wake()
      await expect.poll(() => fast.runs).toBe(7)
      expect(slow.runs).toBe(2)
      // Tests and the simulator force a full cycle.
      await engine.runOnce()
      expect(slow.runs).toBe(3)
      expect(fast.runs).toBe(8)
    } finally {
      await engine.stop()
    }
  })

  it('cycles each track on its own: a stuck main track does not hold up sending; runOnce runs the tracks in order', async () => {
    const clock = new ManualClock(Date.parse('2026-11-24T10:00:00Z'))
    const order: string[] = []
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const escalate = {
      name: 'engine.escalate' as const,
      version: 1,
      minIntervalMs: 0,
      runs: 0,
      async run() {
        escalate.runs += 1
        order.push('escalate')
        await gate
      },
    }
    const send = {
      name: 'engine.send' as const,
      version: 1,
      minIntervalMs: 0,
      track: 'send',
      runs: 0,
      async run() {
        send.runs += 1
        order.push('send')
      },
    }
    const engine = new Engine([escalate, send], { storage: {} as Storage, clock, log: pino({ level: 'silent' }), metrics: new Registry(), tickMs: 60_000 })
    engine.start()
    try {
      await expect.poll(() => send.runs).toBe(1)
      expect(escalate.runs).toBe(1)
      // The main track is still inside its first cycle; the send track cycles whenever woken.
      engine.wake('send')
      await expect.poll(() => send.runs).toBe(2)
      engine.wake('send')
      await expect.poll(() => send.runs).toBe(3)
      expect(escalate.runs).toBe(1)
      release()
      order.length = 0
      await engine.runOnce()
      expect(order).toEqual(['escalate', 'send'])
    } finally {
      release()
      await engine.stop()
    }
  })
})
