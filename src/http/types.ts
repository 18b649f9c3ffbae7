import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify'
import type { Registry } from 'prom-client'
import type { ProcessConfig } from '../config/process-config.js'
import type { Principal } from '../domain/auth/index.js'
import type { ChannelRegistry, LinkSigner } from '../domain/notify/index.js'
import type { Ingestor, RateLimiter } from '../domain/intake/index.js'
import type { CommandCtx } from '../domain/command.js'
import type { SecretBox } from '../lib/secrets.js'
import type { Clock } from '../lib/time/index.js'
import type { Db, Storage } from '../storage/index.js'

/** The Fastify instance with TypeBox-typed routes. */
export type Api = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; set by the auth hook on every non-public route. */
    principal: Principal | null
    /** The JSON body as received, before parsing. */
    rawBody: string | null
  }
  interface FastifyContextConfig {
    /** Routes that need no API token (health, OpenAPI, ping and intake endpoints with their own keys). */
    public?: boolean
  }
}

/** What route handlers may use; everything else stays in the domain. */
export interface HttpDeps {
  readonly storage: Storage
  readonly clock: Clock
  readonly secrets: SecretBox
  readonly config: ProcessConfig
  readonly metrics: Registry
  readonly links: LinkSigner
  readonly channels: ChannelRegistry
  readonly ingestor: Ingestor
  readonly rateLimiter: RateLimiter
  /** Whether intake should shed load now (the event loop is falling behind). */
  readonly overloaded: () => boolean
  /** Wakes the engine after committed work, so due work does not wait for the next tick. */
  readonly wakeEngine: () => void
  /** Whether the server is draining (SIGTERM received): /readyz answers 503. */
  readonly isDraining: () => boolean
}

/** Runs a domain command in one transaction, as the request's principal, at the clock's now. */
export type CommandRunner = <T>(request: FastifyRequest, fn: (ctx: CommandCtx & { principal: Principal }) => Promise<T>) => Promise<T>

/** Runs a read with the request's principal (no transaction needed). */
export type ReadCtx = { db: Db; principal: Principal; now: number; secrets: SecretBox }
