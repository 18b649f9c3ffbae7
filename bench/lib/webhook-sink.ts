import { Worker } from 'node:worker_threads'

/** What the sink saw: every request counted, and the arrival time (epoch ms) of each probe key. */
export interface SinkSnapshot {
  readonly requests: number
  /** Alerts carried (Alertmanager webhooks carry a list; Tend's carry one). */
  readonly alerts: number
  readonly probes: Record<string, number>
  /** Arrival of the last request (epoch ms), 0 when none. */
  readonly lastAt: number
}

// The receiver runs in its own thread so that the load generator's event loop does not delay
// (and so distort) the arrival timestamps. Plain JS: worker threads do not inherit tsx's loader.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createServer } = require('node:http')
let requests = 0, alerts = 0, lastAt = 0
let probes = Object.create(null)
const keysOf = (json) => {
  if (json === null || typeof json !== 'object') return []
  if (Array.isArray(json.alerts)) return json.alerts.map((a) => a && a.labels && a.labels.probe)
  return [json.alert && json.alert.dedupKey]
}
const server = createServer((req, res) => {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now()
    requests++
    lastAt = at
    const body = Buffer.concat(chunks).toString()
    let carried = 1
    if (body.includes('probe-')) {
      try {
        const json = JSON.parse(body)
        const keys = keysOf(json)
        carried = Math.max(1, keys.length)
        for (const k of keys) if (typeof k === 'string' && k.startsWith('probe-') && probes[k] === undefined) probes[k] = at
      } catch {}
    } else {
      // Alertmanager's payload lists its alerts, each with a fingerprint; Tend's is one alert.
      carried = Math.max(1, body.split('"fingerprint"').length - 1)
    }
    alerts += carried
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
  })
})
server.keepAliveTimeout = 30000
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }))
parentPort.on('message', (m) => {
  if (m.type === 'snapshot') parentPort.postMessage({ type: 'snapshot', id: m.id, requests, alerts, probes, lastAt })
  if (m.type === 'reset') { requests = 0; alerts = 0; lastAt = 0; probes = Object.create(null); parentPort.postMessage({ type: 'reset', id: m.id }) }
  if (m.type === 'stop') { server.closeAllConnections(); server.close(() => process.exit(0)) }
})
`

/**
 * A webhook receiver on 127.0.0.1 in a worker thread. It answers 200 at once and records, per
 * probe key (Tend: `alert.dedupKey`; Alertmanager: an alert's `probe` label), the first arrival.
 */
export class WebhookSink {
  #seq = 0

  private constructor(private readonly worker: Worker, readonly url: string) {}

  static async start(): Promise<WebhookSink> {
    const worker = new Worker(WORKER_SOURCE, { eval: true })
    const port = await new Promise<number>((resolve, reject) => {
      worker.once('error', reject)
      worker.once('message', (m: { type: string; port: number }) => resolve(m.port))
    })
    return new WebhookSink(worker, `http://127.0.0.1:${port}`)
  }

  #ask<T>(type: string): Promise<T> {
    const id = ++this.#seq
    return new Promise((resolve) => {
      const onMessage = (m: { type: string; id: number }) => {
        if (m.id !== id) return
        this.worker.off('message', onMessage)
        resolve(m as T)
      }
      this.worker.on('message', onMessage)
      this.worker.postMessage({ type, id })
    })
  }

  snapshot(): Promise<SinkSnapshot> {
    return this.#ask<SinkSnapshot>('snapshot')
  }

  async reset(): Promise<void> {
    await this.#ask('reset')
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()))
    this.worker.postMessage({ type: 'stop' })
    const timer = setTimeout(() => void this.worker.terminate(), 5_000)
    await exited
    clearTimeout(timer)
  }
}
