/** An RFC 9457 problem details document as the Tend API sends it. */
export interface Problem {
  readonly type?: string
  readonly title?: string
  readonly status?: number
  readonly detail?: string
  readonly code?: string
  readonly errors?: readonly { readonly field: string; readonly reason: string }[]
}

/** A failed API call: the problem's message, its stable code, and the reason per request field. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  /** Reasons keyed by request field (`end`, `userId`, …); empty when the error is not about a field. */
  readonly fields: Readonly<Record<string, string>>

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed with HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = problem.code ?? `HTTP_${status}`
    const fields: Record<string, string> = {}
    for (const e of problem.errors ?? []) {
      // Some validators report JSON pointers (`/end`); the UI keys fields by their plain name.
      const field = e.field.replace(/^\/+/, '').replaceAll('/', '.')
      fields[field] = fields[field] === undefined ? e.reason : `${fields[field]}; ${e.reason}`
    }
    this.fields = fields
  }
}
