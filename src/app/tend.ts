import { mkdirSync } from 'node:fs'
import { pino, type Logger } from 'pino'
import { collectDefaultMetrics, Registry } from 'prom-client'
import type { ProcessConfig } from '../config/process-config.js'
import { Engine, MAIN_TRACK, type EngineModule } from '../engine/index.js'
import { engineModules, SEND_TRACK } from '../engine/modules/index.js'
import { ConfigCache, FirstPages, StoredBundles } from '../domain/paging/index.js'
import { buildHttpServer } from '../http/server.js'
import type { Api } from '../http/types.js'
import type { SecretBox } from '../lib/secrets.js'
import { systemClock, type Clock } from '../lib/time/index.js'
import { openStorage, type Storage } from '../storage/index.js'
import { bootstrapAdmin, type BootstrapResult } from './bootstrap.js'
import { loadSecretBox } from './secret-key.js'
import { seedDemo } from '../demo/index.js'
import { buildChannels } from './channels.js'
import { LinkSigner, type ChannelRegistry } from '../domain/notify/index.js'
import { Ingestor, RateLimiter } from '../domain/intake/index.js'
import { EventLoopLag } from '../http/event-loop-lag.js'
import { createServer } from 'node:net'

/** Past this event-loop lag, intake answers 503 instead of letting senders time out. */
const DEFAULT_SHED_LAG_MS = 1_000

export interface TendOptions {
  readonly config: ProcessConfig
  readonly clock?: Clock
  readonly logger?: Logger
  /** Replaces the default engine modules (tests use this to run a subset). */
  readonly modules?: readonly EngineModule[]
  /** When false the engine does not cycle by itself; tests call `engine.runOnce()`. */
  readonly autoEngine?: boolean
  /** Replaces the channels built from the config (tests add fakes for gateways that cannot run here). */
  readonly channels?: ChannelRegistry
  /**
   * Past this event-loop lag, intake answers 503 instead of letting senders time out (default
   * 1 s). In-process tests turn it off: a loaded test machine stalls their loop, and a shed event
   * would fail a test about something else. The benchmark measures the shedding.
   */
  readonly shedLagMs?: number
}

/** A running Tend: storage, HTTP API and UI, and the engine, with an orderly shutdown. */
export interface Tend {
  readonly config: ProcessConfig
  readonly storage: Storage
  readonly clock: Clock
  readonly secrets: SecretBox
  readonly engine: Engine
  readonly http: Api
  readonly log: Logger
  readonly bootstrap: BootstrapResult
  readonly channels: ChannelRegistry
  readonly links: LinkSigner
  /** Listens on the configured host and port; returns the URL. */
  listen(): Promise<string>
  /** Stops taking work, finishes in-flight requests and engine work, closes the database. */
  stop(): Promise<void>
}

/** Opens storage, migrates, bootstraps the first admin, seeds demo data if asked, and wires everything. */
export async function createTend(opts: TendOptions): Promise<Tend> {
  const config = await withConcretePort(opts.config)
  const clock = opts.clock ?? systemClock
  const log = opts.logger ?? pino({ level: config.logLevel, base: { service: 'tend' } })
  mkdirSync(config.dataDir, { recursive: true })
  const storage = openStorage(config.databaseUrl, { onConnectionError: (err) => log.warn({ err }, 'an idle database connection failed; the next query opens a new one') })
  try {
    const migrated = await storage.migrate()
    // A server short of connections still starts (they open on demand), but says so.
    await storage.warmUp().catch((err: unknown) => log.warn({ err }, 'could not open every database connection at start-up; the rest open when needed'))
    if (migrated.applied.length > 0) log.info({ applied: migrated.applied, database: storage.location }, 'database migrated')
    const { box: secrets, source } = loadSecretBox(config.secretKey, config.dataDir)
    if (storage.dialect === 'postgres' && config.secretKey === null) {
      log.warn({ keyFile: source }, 'secrets are sealed with a key file in the data folder; set the same TEND_SECRET_KEY on every instance sharing this database')
    }
    const bootstrap = await bootstrapAdmin(storage, secrets, clock.now(), config.bootstrapToken)
    if (config.demo) await seedDemo({ storage, secrets, now: clock.now() })

    const metrics = new Registry()
    collectDefaultMetrics({ register: metrics })
    const channels = opts.channels ?? buildChannels(config, clock)
    const links = new LinkSigner(secrets.deriveKey('action-links'), config.publicUrl)
    let engine: Engine | null = null
    // Wake this instance's engine at once, and (PostgreSQL) the other instances' through NOTIFY:
    // every track after an API change; raising and escalating after stored events; sending
    // after escalation queued pages.
    const wakeTrack = (track?: string) => () => {
      engine?.wake(track)
      storage.notifyPeers()
    }
    const wake = wakeTrack()
    const pagingDeps = { secrets, links, channels, publicUrl: config.publicUrl, sendTimeoutMs: config.sendTimeoutMs, wakeOutbox: wakeTrack(SEND_TRACK), wakeEscalation: wakeTrack(MAIN_TRACK), configCache: new ConfigCache() }
    engine = new Engine(opts.modules ?? engineModules(pagingDeps), { storage, clock, log, metrics, tickMs: config.engineTickMs })
    const fireOnArrival = { ...pagingDeps, storedBundles: new StoredBundles(), firstPages: new FirstPages(), onError: (err: unknown, alertId: string) => log.warn({ err, alertId }, 'firing a new alert as it was stored failed; the engine fires it') }
    const ingestor = new Ingestor(storage, clock, log, wakeTrack(MAIN_TRACK), undefined, { fireOnArrival })
    const lag = new EventLoopLag().start()
    const shedLagMs = opts.shedLagMs ?? DEFAULT_SHED_LAG_MS
    let draining = false
    const http = await buildHttpServer(
      { storage, clock, secrets, config, metrics, links, channels, ingestor, rateLimiter: new RateLimiter(clock), overloaded: () => lag.lagMs > shedLagMs, wakeEngine: wake, isDraining: () => draining },
      log,
    )
    let stopped: Promise<void> | null = null
    return {
      config,
      storage,
      clock,
      secrets,
      engine,
      http,
      log,
      bootstrap,
      channels,
      links,
      async listen() {
        const address = await http.listen({ host: config.host, port: config.port })
        if (opts.autoEngine !== false) {
          engine.start()
          storage.listenForPeers(() => engine.wake(), (err) => log.warn({ err }, 'lost the LISTEN connection for peer wake-ups; retrying (the engine tick still runs)'))
        }
        return address.replace('[::1]', 'localhost')
      },
      stop() {
        stopped ??= (async () => {
          draining = true
          lag.stop()
          await http.close()
          await ingestor.drain()
          await engine?.stop()
          await storage.close()
        })()
        return stopped
      },
    }
  } catch (err) {
    await storage.close().catch(() => undefined)
    throw err
  }
}

/**
 * `--port 0` asks for any free port. It is picked before anything is built so that the links
 * in messages, ping URLs and iCal feeds name the port Tend really listens on (a default public
 * URL would otherwise say ":0"). An explicit public URL is kept as it is.
 */
async function withConcretePort(config: ProcessConfig): Promise<ProcessConfig> {
  if (config.port !== 0) return config
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen({ host: config.host, port: 0 }, () => {
      const address = probe.address()
      const picked = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(picked))
    })
  })
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const defaultUrl = `http://${host}:0`
  return { ...config, port, publicUrl: config.publicUrl === defaultUrl ? `http://${host}:${port}` : config.publicUrl }
}
