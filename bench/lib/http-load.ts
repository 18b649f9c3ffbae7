import { Agent, request } from 'node:http'

/** Epoch milliseconds with sub-millisecond resolution; comparable across worker threads. */
export const epochMs = (): number => performance.timeOrigin + performance.now()

export interface LoadTarget {
  /** `http://127.0.0.1:port/path` the POSTs go to. */
  readonly url: string
  /** The JSON body of the i-th request. */
  body(i: number): string
}

export interface LoadResult {
  /** Requests started (inside the measured window for a closed loop). */
  readonly sent: number
  /** Answers by status code, plus `timeout` and `error:<code>` for requests that got none. */
  readonly codes: Record<string, number>
  /** Accepted (2xx) answers per second over the measured window. */
  readonly acceptedPerSec: number
  /** Response latencies (POST start → full answer) of the 2xx answers, in ms. */
  readonly ackMs: number[]
  readonly windowMs: number
  /** Every accepted (2xx) answer, warm-up included: what the target must have stored. */
  readonly acceptedTotal: number
}

export interface Shot {
  readonly start: number
  readonly end: number
  readonly code: string
}

/** One POST on a keep-alive agent; resolves with its status (or why it has none), never rejects. */
function post(agent: Agent, url: URL, body: string, timeoutMs: number): Promise<Shot> {
  return new Promise((resolve) => {
    const start = epochMs()
    let done = false
    const finish = (code: string) => {
      if (done) return
      done = true
      resolve({ start, end: epochMs(), code })
    }
    const req = request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.on('data', () => undefined)
        res.on('end', () => finish(String(res.statusCode ?? 0)))
        res.on('error', (err: NodeJS.ErrnoException) => finish(`error:${err.code ?? err.message}`))
      },
    )
    req.setTimeout(timeoutMs, () => {
      finish('timeout')
      req.destroy()
    })
    req.on('error', (err: NodeJS.ErrnoException) => finish(`error:${err.code ?? err.message}`))
    req.end(body)
  })
}

function tally(shots: readonly Shot[], windowMs: number): LoadResult {
  const codes: Record<string, number> = {}
  const ackMs: number[] = []
  for (const s of shots) {
    codes[s.code] = (codes[s.code] ?? 0) + 1
    if (s.code.startsWith('2')) ackMs.push(s.end - s.start)
  }
  return { sent: shots.length, codes, acceptedPerSec: Math.round((ackMs.length / windowMs) * 1000), ackMs, windowMs, acceptedTotal: ackMs.length }
}

/**
 * Closed loop: `concurrency` workers each POST, wait for the answer, and POST again, for a
 * warm-up and then a measured window (answers to requests started in the window count).
 * Bounded by `maxRequests` and by its own deadline.
 */
export async function closedLoop(target: LoadTarget, opts: { concurrency: number; warmupMs: number; durationMs: number; maxRequests: number; timeoutMs: number }): Promise<LoadResult> {
  const url = new URL(target.url)
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency })
  const t0 = epochMs()
  const from = t0 + opts.warmupMs
  const to = from + opts.durationMs
  const shots: Shot[] = []
  let acceptedTotal = 0
  let i = 0
  const worker = async () => {
    while (epochMs() < to && i < opts.maxRequests) {
      const shot = await post(agent, url, target.body(i++), opts.timeoutMs)
      if (shot.code.startsWith('2')) acceptedTotal++
      if (shot.start >= from && shot.start < to) shots.push(shot)
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker))
  agent.destroy()
  const measured = i >= opts.maxRequests ? Math.max(1, Math.min(opts.durationMs, (shots.at(-1)?.end ?? to) - from)) : opts.durationMs
  return { ...tally(shots, measured), acceptedTotal }
}

export interface OpenLoopResult extends LoadResult {
  /** Sends that started more than 1 ms after their slot because `maxInFlight` answers were outstanding. */
  readonly late: number
  /** Requests never sent: the target was too slow to take them before the loop's deadline. */
  readonly notSent: number
  readonly offeredPerSec: number
}

/**
 * Open loop: request i is due at t0 + i/rate, whatever the answers do, with at most
 * `maxInFlight` outstanding (a send that finds the cap reached waits and is counted late).
 * `onStart` sees each request's index and start time. Bounded by count and deadline.
 */
export async function openLoop(
  target: LoadTarget,
  opts: { ratePerSec: number; durationMs: number; maxInFlight: number; timeoutMs: number; onStart?: (i: number, at: number) => void; onDone?: (i: number, shot: Shot) => void },
): Promise<OpenLoopResult> {
  const url = new URL(target.url)
  const agent = new Agent({ keepAlive: true, maxSockets: opts.maxInFlight })
  const total = Math.round((opts.ratePerSec * opts.durationMs) / 1000)
  const interval = 1000 / opts.ratePerSec
  const shots: Promise<Shot>[] = []
  let inFlight = 0
  let late = 0
  const t0 = epochMs() + 5
  // A target slower than the offered rate leaves requests unsent at this point; they are counted.
  const hardStop = t0 + opts.durationMs + 5_000
  let i = 0
  let slotFreed: (() => void) | null = null
  while (i < total && epochMs() < hardStop) {
    const now = epochMs()
    while (i < total && t0 + i * interval <= now && inFlight < opts.maxInFlight) {
      if (now - (t0 + i * interval) > 1) late++
      inFlight++
      const body = target.body(i)
      const index = i
      opts.onStart?.(i, epochMs())
      shots.push(
        post(agent, url, body, opts.timeoutMs).then((shot) => (opts.onDone?.(index, shot), shot)).finally(() => {
          inFlight--
          slotFreed?.()
          slotFreed = null
        }),
      )
      i++
    }
    if (i < total && inFlight >= opts.maxInFlight) {
      // Capped: wait for an answer (or 50 ms, whichever is first) rather than spin.
      await new Promise<void>((r) => {
        const timer = setTimeout(r, 50)
        slotFreed = () => (clearTimeout(timer), r())
      })
      continue
    }
    const wait = t0 + i * interval - epochMs()
    await new Promise((r) => (wait >= 1 ? setTimeout(r, Math.floor(wait)) : setImmediate(r)))
  }
  const done = await Promise.all(shots)
  agent.destroy()
  const result = tally(done, opts.durationMs)
  return { ...result, late, notSent: total - i, offeredPerSec: opts.ratePerSec }
}
