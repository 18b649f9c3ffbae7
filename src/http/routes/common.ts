import { Type, type TSchema } from 'typebox'
import { AppError } from '../../lib/errors.js'
import { formatInstant, parseInstant, type Instant } from '../../lib/time/index.js'

/** Path parameter `:id` (an id, or for some resources a name). */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) })

/** An RFC 3339 timestamp with an offset (validated by parseInstant, which names the field on error). */
export const Rfc3339 = Type.String({ minLength: 10, maxLength: 40, description: 'RFC 3339 timestamp with offset, e.g. 2026-11-27T09:00:00+01:00' })

/** Parses an RFC 3339 input field, throwing a validation error that names the field. */
export function instantField(value: string, field: string): Instant {
  const at = parseInstant(value)
  if (at === null) {
    throw new AppError('E_VALIDATION', `${field}: must be an RFC 3339 timestamp with an offset, got ${JSON.stringify(value)}`, {
      fields: [{ field, reason: `must be an RFC 3339 timestamp with an offset (e.g. 2026-11-27T09:00:00Z), got ${JSON.stringify(value)}` }],
    })
  }
  return at
}

/** Formats an instant for output (UTC, RFC 3339). */
export const iso = (at: Instant): string => formatInstant(at)
export const isoOrNull = (at: Instant | null): string | null => (at === null ? null : formatInstant(at))

/** A response list wrapper: `{ items: [...] }`, so fields can be added without breaking clients. */
export const ListOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) })

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), reason: Type.String() }))),
    requestId: Type.String(),
  },
  { description: 'RFC 9457 problem details' },
)

/** Standard error responses for the OpenAPI document. */
export const errorResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
}
