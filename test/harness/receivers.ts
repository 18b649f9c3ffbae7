import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedRequest {
  readonly at: number
  readonly path: string
  readonly headers: IncomingMessage['headers']
  readonly body: string
  readonly json: any
}

/**
 * A real HTTP receiver on loopback that records every request. Like a careful webhook consumer
 * it deduplicates on the Idempotency-Key header: `unique()` is what it would have acted on.
 * `respond` decides the answer (200 by default; a status, or 'hang' to never answer).
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = []
  respond: (req: ReceivedRequest) => number | 'hang' = () => 200
  #server: Server | null = null
  #hanging: ServerResponse[] = []
  #waiters: { n: number; resolve: () => void }[] = []

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        let json: unknown = null
        try {
          json = JSON.parse(body)
        } catch {
          // not JSON
        }
        const r: ReceivedRequest = { at: Date.now(), path: req.url ?? '/', headers: req.headers, body, json }
        this.requests.push(r)
        this.#wake()
        const answer = this.respond(r)
        if (answer === 'hang') this.#hanging.push(res)
        else res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'nope')
      })
    })
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
  }

  /** Requests with distinct idempotency keys: what a deduplicating receiver acted on. */
  unique(): ReceivedRequest[] {
    const seen = new Set<string>()
    return this.requests.filter((r) => {
      const key = String(r.headers['idempotency-key'] ?? r.body)
      return seen.has(key) ? false : (seen.add(key), true)
    })
  }

  /** Resolves once at least `n` requests arrived (bounded by `timeoutMs`). */
  waitFor(n: number, timeoutMs = 10_000): Promise<void> {
    if (this.requests.length >= n) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${n} webhook requests, got ${this.requests.length}`)), timeoutMs)
      this.#waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) })
    })
  }

  #wake(): void {
    this.#waiters = this.#waiters.filter((w) => (this.requests.length >= w.n ? (w.resolve(), false) : true))
  }

  async stop(): Promise<void> {
    for (const res of this.#hanging) res.destroy()
    await new Promise<void>((resolve) => (this.#server === null ? resolve() : this.#server.close(() => resolve())))
    this.#server?.closeAllConnections?.()
  }
}

/** A real SMTP server (smtp-server) on loopback that parses and keeps every message it accepts. */
export class SmtpSink {
  readonly messages: ParsedMail[] = []
  #server: SMTPServer | null = null
  #waiters: { n: number; resolve: () => void }[] = []

  async start(): Promise<string> {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail)
            this.#waiters = this.#waiters.filter((w) => (this.messages.length >= w.n ? (w.resolve(), false) : true))
            callback()
          })
          .catch((err: Error) => callback(err))
      },
    })
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve))
    const address = (this.#server as unknown as { server: Server }).server.address() as AddressInfo
    return `smtp://127.0.0.1:${address.port}`
  }

  waitFor(n: number, timeoutMs = 10_000): Promise<void> {
    if (this.messages.length >= n) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${n} emails, got ${this.messages.length}`)), timeoutMs)
      this.#waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) })
    })
  }

  /** Messages sent to one address. */
  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => (Array.isArray(m.to) ? m.to : m.to === undefined ? [] : [m.to]).some((t) => t.text.includes(address)))
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server === null ? resolve() : this.#server.close(() => resolve())))
  }
}
