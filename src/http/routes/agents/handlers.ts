import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { agentSeen, authenticateAgent, claimJob, reportJob, type Agent } from '../../../domain/mitigation/index.js'
import { AppError } from '../../../lib/errors.js'
import type { Api, HttpDeps } from '../../types.js'

/** How long one poll for a job may wait before answering 204 (the agent asks again at once). */
const LONG_POLL_MS = 20_000
const POLL_STEP_MS = 250

const Hello = Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })), commands: Type.Array(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }), { maxItems: 200 }) }, { additionalProperties: false })
const Result = Type.Object(
  { status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('refused')]), exitCode: Type.Union([Type.Integer(), Type.Null()]), output: Type.String({ maxLength: 65_536 }) },
  { additionalProperties: false },
)

/**
 * The agent protocol. An agent connects out to Tend with its token, says which command names
 * its local allow-list declares, long-polls for jobs (a job is only a command name), and reports
 * exit codes and output. Tend never sends a shell string.
 */
export function registerAgentRoutes(app: Api, deps: HttpDeps): void {
  const config = { public: true }
  const tags = ['agents']
  const db = deps.storage.db
  const agentOf = async (request: FastifyRequest): Promise<Agent> => {
    const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
    const agent = m?.[1] === undefined ? null : await authenticateAgent(db, m[1])
    if (agent === null) throw new AppError('E_UNAUTHENTICATED', 'unknown agent token: register the agent with POST /api/v1/teams/<team>/agents and put its token in agent.yaml')
    return agent
  }

  app.post('/agent/v1/hello', { config, schema: { tags, summary: 'An agent starts: report its allow-listed command names', security: [], body: Hello } }, async (request) => {
    const agent = await agentOf(request)
    await agentSeen(db, deps.clock.now(), agent.id, request.body.commands)
    return { agentId: agent.id, name: agent.name, teamId: agent.teamId, pollTimeoutSeconds: LONG_POLL_MS / 1000 }
  })

  app.post('/agent/v1/jobs/next', { config, schema: { tags, summary: 'Long-poll for the next job (204 when none within 20 s)', security: [] } }, async (request, reply) => {
    const agent = await agentOf(request)
    const until = performance.now() + LONG_POLL_MS
    // An agent that went away mid-poll must not claim a job it can never run: that job would sit
    // until its timeout instead of being reported at once as "no agent picked it up".
    let clientGone = false
    reply.raw.once('close', () => {
      clientGone = !reply.raw.writableFinished
    })
    // Elapsed (monotonic) time bounds the poll, not the injected clock, which tests may hold still.
    while (!deps.isDraining() && !clientGone) {
      await agentSeen(db, deps.clock.now(), agent.id)
      const job = await claimJob(db, deps.clock.now(), agent.id)
      if (job !== null) return { job }
      if (performance.now() >= until) break
      await new Promise((r) => setTimeout(r, POLL_STEP_MS))
    }
    return reply.code(204).send()
  })

  app.post('/agent/v1/jobs/:id/result', { config, schema: { tags, summary: 'Report the outcome of a job', security: [], params: Type.Object({ id: Type.String() }), body: Result } }, async (request, reply) => {
    const agent = await agentOf(request)
    await reportJob(db, deps.clock.now(), agent.id, request.params.id, request.body)
    deps.wakeEngine()
    return reply.code(204).send()
  })
}
