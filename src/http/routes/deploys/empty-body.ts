import type { FastifyRequest } from 'fastify'

/**
 * A preValidation hook for POST actions whose body is optional (`{ comment? }`, `{ status? }`):
 * a request sent without a body is validated as `{}`, so `curl -X POST …/submit` works.
 */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {}
}
