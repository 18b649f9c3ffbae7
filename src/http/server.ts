import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify'
import { Counter, Histogram } from 'prom-client'
import { actorOf, authenticateToken, unauthenticated, type Principal } from '../domain/auth/index.js'
import { AppError } from '../lib/errors.js'
import { newId } from '../lib/ids.js'
import { sendProblem, toAppError } from './problem.js'
import { registerRoutes } from './routes/index.js'
import type { Api, CommandRunner, HttpDeps } from './types.js'

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist')

/** Builds the HTTP server: API routes, problem details, auth, metrics, OpenAPI and the web UI. */
export async function buildHttpServer(deps: HttpDeps, logger: FastifyBaseLogger): Promise<Api> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: deps.config.bodyLimitBytes,
    genReqId: () => newId(),
    // One access-log line per request, written in onResponse, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    // Signed action links and calendar tokens are longer than Fastify's 100-character default.
    routerOptions: { maxParamLength: 1000 },
  }).withTypeProvider<TypeBoxTypeProvider>()

  installValidators(app)
  installRawJson(app)
  app.decorateRequest('principal', null)
  app.decorateRequest('rawBody', null)
  installErrorHandling(app)
  installMetrics(app, deps)
  installAuth(app, deps)

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tend API', version: '1', description: 'On-call, alerting and change safety. Every call needs `Authorization: Bearer <token>` unless marked public. Errors are RFC 9457 problem details.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  })

  const run: CommandRunner = async (request, fn) => {
    const principal = requirePrincipal(request)
    const result = await deps.storage.db.transaction().execute((trx) =>
      fn({ db: trx, now: deps.clock.now(), actor: actorOf(principal), secrets: deps.secrets, principal }),
    )
    // Committed work may be due at once (a new alert, an escalation asked for): wake the engine.
    deps.wakeEngine()
    return result
  }
  await registerRoutes(app, deps, run)

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger())
  await installWebUi(app)
  return app
}

/** The request's principal; the auth hook guarantees it on non-public routes. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw unauthenticated('Send an API token as "Authorization: Bearer <token>"')
  return request.principal
}

/**
 * Bodies are validated strictly (no type coercion, unknown fields rejected); query strings and
 * path parameters are coerced, since they only ever arrive as text.
 */
function installValidators(app: Api): void {
  const make = (coerce: boolean) => {
    const ajv = new Ajv.default({ allErrors: true, coerceTypes: coerce ? 'array' : false, useDefaults: true, removeAdditional: false, strict: false })
    addFormats.default(ajv)
    return ajv
  }
  const strict = make(false)
  const coercing = make(true)
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema))
}

/**
 * Keeps the JSON body exactly as received (events are stored as received) while parsing it with
 * Fastify's own protections against prototype poisoning. An empty body is no body: many clients
 * send `Content-Type: application/json` on every request, and a route that takes no body (a
 * DELETE, marking a method verified) must not refuse them; a route that needs one still answers
 * 400, naming the body, from its schema.
 */
function installRawJson(app: Api): void {
  const parse = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string
    if (body === '') done(null, undefined)
    else parse(request, body as string, done)
  })
}

function installErrorHandling(app: Api): void {
  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err)
    if (appError.code === 'E_INTERNAL') request.log.error({ err, requestId: request.id }, 'request failed')
    return sendProblem(reply, request, appError)
  })
}

function installMetrics(app: Api, deps: HttpDeps): void {
  const requests = new Counter({ name: 'tend_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [deps.metrics] })
  const duration = new Histogram({
    name: 'tend_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [deps.metrics],
  })
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    requests.inc({ method: request.method, route, status: String(reply.statusCode) })
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000)
    request.log.info({ requestId: request.id, method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request')
  })
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(deps.metrics.contentType)
    return deps.metrics.metrics()
  })
}

function installAuth(app: Api, deps: HttpDeps): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public === true || !request.url.startsWith('/api/')) return
    const header = request.headers.authorization
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (match === null || match[1] === undefined) throw unauthenticated('Send an API token as "Authorization: Bearer <token>"')
    const principal = await authenticateToken(deps.storage.db, match[1], deps.clock.now())
    if (principal === null) throw unauthenticated('The API token is unknown, revoked or expired')
    request.principal = principal
    request.log = request.log.child({ userId: principal.userId })
  })
}

async function installWebUi(app: Api): Promise<void> {
  const notFound = (request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, request, new AppError('E_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`))
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    app.setNotFoundHandler(notFound)
    app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain').send('The web UI is not built. Run `npm run build:web`, then reload.\nThe API is at /api/ (see /api/openapi.json).\n'),
    )
    return
  }
  // Files are looked up on each request (wildcard), so a rebuilt UI is served without a restart.
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] })
  // Client-side routes (e.g. /schedules/123) load the app shell; API paths and missing files keep their 404 problem.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)
    return isPage ? reply.sendFile('index.html') : notFound(request, reply)
  })
}
