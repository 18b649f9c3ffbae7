import { Type } from 'typebox'
import type { Api, HttpDeps } from '../../types.js'

export function registerHealthRoutes(app: Api, deps: HttpDeps): void {
  const config = { public: true }
  app.get('/healthz', { config, schema: { tags: ['health'], summary: 'Liveness: the process is up', security: [], response: { 200: Type.Object({ status: Type.String() }) } } }, async () => ({ status: 'ok' }))

  app.get('/api/v1/time', { schema: { tags: ['health'], summary: "The server's current time (the UI shows 'now' and ages from it)", response: { 200: Type.Object({ now: Type.String() }) } } }, async () => ({
    now: new Date(deps.clock.now()).toISOString(),
  }))

  app.get('/readyz', { config, schema: { tags: ['health'], summary: 'Readiness: the database answers and the server is not draining', security: [] } }, async (_request, reply) => {
    if (deps.isDraining()) return reply.code(503).send({ status: 'draining' })
    try {
      await deps.storage.ping()
      return { status: 'ready', database: deps.storage.dialect }
    } catch (err) {
      return reply.code(503).send({ status: 'database unavailable', error: (err as Error).message })
    }
  })
}
