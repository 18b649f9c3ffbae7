import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, ERROR_CATALOGUE, type ErrorCode, type FieldError } from '../lib/errors.js'

/** An RFC 9457 problem-details body, with Tend's stable `code` and per-field `errors`. */
export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly instance: string
  readonly code: ErrorCode
  readonly errors?: readonly FieldError[]
  readonly requestId: string
}

/** Converts any thrown value into an AppError a caller can act on; unknown errors become E_INTERNAL. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  const fe = err as Partial<FastifyError> & { validation?: AjvLikeError[]; validationContext?: string }
  if (Array.isArray(fe.validation)) {
    const fields = fe.validation.map((v) => fieldErrorOf(v, fe.validationContext ?? 'body'))
    return new AppError('E_VALIDATION', `Invalid ${fe.validationContext ?? 'request'}: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`, { fields })
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('E_PAYLOAD_TOO_LARGE', 'The request body is larger than the limit this server accepts')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('E_UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('E_BAD_REQUEST', `The body is not valid JSON: ${fe.message ?? ''}`.trim())
  }
  if (fe.statusCode === 400 && err instanceof SyntaxError) {
    return new AppError('E_BAD_REQUEST', `The body is not valid JSON: ${err.message}`)
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 413 ? 'E_PAYLOAD_TOO_LARGE' : fe.statusCode === 415 ? 'E_UNSUPPORTED_MEDIA_TYPE' : fe.statusCode === 404 ? 'E_NOT_FOUND' : 'E_BAD_REQUEST', fe.message ?? 'Bad request')
  }
  return new AppError('E_INTERNAL', 'An internal error occurred; it has been logged with the request id', { cause: err })
}

interface AjvLikeError {
  instancePath?: string
  keyword?: string
  message?: string
  params?: Record<string, unknown>
}

/** Maps a JSON-schema error to a field path like `layers[2].handoffTime` and a readable reason. */
function fieldErrorOf(v: AjvLikeError, context: string): FieldError {
  const segments = (v.instancePath ?? '').split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  const params = v.params ?? {}
  let reason = v.message ?? 'is invalid'
  if (v.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    segments.push(params['missingProperty'])
    reason = 'is required'
  } else if (v.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    segments.push(params['additionalProperty'])
    reason = 'is not a known field'
  } else if (v.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    reason = `must be one of ${params['allowedValues'].map((x) => JSON.stringify(x)).join(', ')}`
  }
  const path = segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc === '' ? s : `${acc}.${s}`), '')
  const prefix = context === 'body' ? '' : `${context}.`
  return { field: path === '' ? (context === 'body' ? '(body)' : context) : `${prefix}${path}`, reason }
}

/** Builds the problem-details body for an error. */
export function problemOf(err: AppError, request: FastifyRequest): Problem {
  const entry = ERROR_CATALOGUE[err.code]
  return {
    type: `urn:tend:error:${err.code}`,
    title: entry.title,
    status: entry.status,
    detail: err.message,
    instance: request.url.split('?')[0] ?? request.url,
    code: err.code,
    ...(err.fields.length > 0 ? { errors: err.fields } : {}),
    requestId: String(request.id),
  }
}

/** Sends an error as `application/problem+json`. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError): FastifyReply {
  const problem = problemOf(err, request)
  if (err.code === 'E_UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer realm="tend"')
  return reply.code(problem.status).type('application/problem+json').send(problem)
}
