/**
 * Errors are values with a stable code, an HTTP status and a message a person can act on.
 * The catalogue lives here; only the HTTP layer renders them (as RFC 9457 problem details).
 */

/** One invalid input field: a path such as `layers[2].handoffTime` and the reason it was rejected. */
export interface FieldError {
  readonly field: string
  readonly reason: string
}

/** Every public error code, its HTTP status and a default title. */
export const ERROR_CATALOGUE = {
  E_VALIDATION: { status: 400, title: 'The request is invalid' },
  E_BAD_REQUEST: { status: 400, title: 'The request cannot be processed' },
  E_UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  E_FORBIDDEN: { status: 403, title: 'Not allowed' },
  E_NOT_FOUND: { status: 404, title: 'Not found' },
  E_CONFLICT: { status: 409, title: 'Conflict with the current state' },
  E_PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  E_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  E_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  E_INTERNAL: { status: 500, title: 'Internal error' },
  E_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof ERROR_CATALOGUE

/** An error meant to reach the caller, with a stable code and optional field errors. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields: readonly FieldError[]

  constructor(code: ErrorCode, message: string, options?: { fields?: readonly FieldError[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.fields = options?.fields ?? []
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status
  }
}

/** Builds a validation error from field errors; the message lists them so logs and CLIs are useful. */
export function validationError(fields: readonly FieldError[], message?: string): AppError {
  const summary = fields.map((f) => `${f.field}: ${f.reason}`).join('; ')
  return new AppError('E_VALIDATION', message ?? `Invalid input: ${summary}`, { fields })
}

export const notFound = (what: string, id: string): AppError => new AppError('E_NOT_FOUND', `${what} ${id} does not exist`)

export const forbidden = (message: string): AppError => new AppError('E_FORBIDDEN', message)

export const conflict = (message: string): AppError => new AppError('E_CONFLICT', message)

/** Whether the error is the caller's fault (4xx): such errors are answered, not logged as failures. */
export function isClientError(err: unknown): err is AppError {
  return err instanceof AppError && err.status < 500
}

/** Collects field errors while a normalizer walks its input, then throws them all at once. */
export class FieldErrors {
  readonly #errors: FieldError[] = []

  add(field: string, reason: string): void {
    this.#errors.push({ field, reason })
  }

  get list(): readonly FieldError[] {
    return this.#errors
  }

  get isEmpty(): boolean {
    return this.#errors.length === 0
  }

  /** Throws an E_VALIDATION AppError when any field error was collected. */
  throwIfAny(): void {
    if (!this.isEmpty) throw validationError(this.#errors)
  }
}
