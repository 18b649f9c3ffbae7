import { afterAll, beforeAll } from 'vitest'
import type { DialectName } from '../../src/storage/index.js'
import { startTestApp, type TestApp, type TestAppOptions } from './app.js'
import { WebhookReceiver } from './receivers.js'

/** What appWithWebhooks holds for a describe block's tests (set once its beforeAll ran). */
export interface AppWithWebhooks {
  readonly app: TestApp
  /** Every request people's webhook contact methods received, and how it answers. */
  readonly hooks: WebhookReceiver
  /** Base URL for contact-method addresses: `${hookUrl}/${userId}`. */
  readonly hookUrl: string
}

/**
 * A test app and a webhook receiver shared by the tests of the calling describe block: started
 * in its beforeAll, both stopped in its afterAll.
 */
export function appWithWebhooks(dialect: DialectName, opts: TestAppOptions = {}): AppWithWebhooks {
  const held: { app?: TestApp; hooks?: WebhookReceiver; hookUrl?: string } = {}
  beforeAll(async () => {
    held.hooks = new WebhookReceiver()
    held.hookUrl = await held.hooks.start()
    held.app = await startTestApp(dialect, opts)
  })
  afterAll(async () => {
    await held.app?.close()
    await held.hooks?.stop()
  })
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test of the describe block`)
    return value
  }
  return {
    get app() {
      return need(held.app, 'the test app')
    },
    get hooks() {
      return need(held.hooks, 'the webhook receiver')
    },
    get hookUrl() {
      return need(held.hookUrl, 'the webhook receiver')
    },
  }
}
