import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Locator } from 'playwright-core'

// What every browser test shares: the built UI it drives, Debian's Chromium, and where
// screenshots go (people look at them after a run).
const here = dirname(fileURLToPath(import.meta.url))
const INDEX_HTML = join(here, '..', 'dist', 'index.html')
export const SCREENSHOTS = join(here, 'screenshots')
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** Fails with what to do when the UI is not built or Chromium is missing; creates the screenshot folder. */
export function requireUiAndChromium(): void {
  if (!existsSync(INDEX_HTML)) {
    throw new Error(`The web UI is not built (${INDEX_HTML} is missing). Run \`npm run build:web\` first; \`npm test\` does it for you.`)
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's \`chromium\` package or set CHROMIUM_PATH`)
  mkdirSync(SCREENSHOTS, { recursive: true })
}

/** Headless Chromium with the flags this machine needs (no sandbox, no GPU, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** Waits for `locator` to show, then returns its text. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' })
  return (await locator.textContent()) ?? ''
}
