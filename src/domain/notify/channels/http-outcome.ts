import type { SendOutcome } from './types.js'

/**
 * Classifies an HTTP answer the way webhooks and Slack document it: 2xx delivered; 408, 429
 * and 5xx are temporary; any other 4xx is permanent (the address or payload is wrong and a
 * retry would fail the same way).
 */
export function outcomeOfStatus(status: number, body: string): SendOutcome {
  if (status >= 200 && status < 300) return { ok: true, providerId: null }
  const temporary = status === 408 || status === 429 || status >= 500
  return { ok: false, permanent: !temporary, error: `HTTP ${status}${body === '' ? '' : `: ${body.slice(0, 200)}`}` }
}

/** Turns a fetch failure (refused, reset, timed out) into a temporary failure with a readable reason. */
export function outcomeOfError(err: unknown): SendOutcome {
  const e = err as Error & { cause?: { code?: string; message?: string } }
  const reason = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timed out' : (e.cause?.code ?? e.cause?.message ?? e.message)
  return { ok: false, permanent: false, error: `request failed: ${reason}` }
}
