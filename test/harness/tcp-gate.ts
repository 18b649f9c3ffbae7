import { connect, createServer, type Server, type Socket } from 'node:net'

/**
 * A TCP forwarder on 127.0.0.1 that can be closed and opened: while closed, every connection is
 * reset at once (the target looks unreachable, as when a webhook consumer is down); while open,
 * connections are piped to the target. The address stays the same throughout, so a contact
 * method can point at it before the target "comes back".
 */
export class TcpGate {
  open = false
  /** Connections reset while closed. */
  refused = 0
  #server: Server | null = null
  readonly #sockets = new Set<Socket>()

  constructor(private readonly targetPort: number) {}

  async start(): Promise<number> {
    this.#server = createServer((client) => {
      this.#sockets.add(client)
      client.on('close', () => this.#sockets.delete(client))
      client.on('error', () => undefined)
      if (!this.open) {
        this.refused += 1
        client.resetAndDestroy()
        return
      }
      const upstream = connect(this.targetPort, '127.0.0.1')
      this.#sockets.add(upstream)
      upstream.on('close', () => this.#sockets.delete(upstream))
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve))
    const address = this.#server.address()
    if (typeof address !== 'object' || address === null) throw new Error('gate has no address')
    return address.port
  }

  async stop(): Promise<void> {
    for (const s of this.#sockets) s.destroy()
    await new Promise<void>((resolve) => (this.#server === null ? resolve() : this.#server.close(() => resolve())))
  }
}
