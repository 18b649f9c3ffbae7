import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SecretBox } from '../lib/secrets.js'

/**
 * The key that seals secrets at rest: TEND_SECRET_KEY when set, otherwise a key generated once
 * into `<data-dir>/secret.key` (mode 0600). Several instances on one PostgreSQL database must
 * share TEND_SECRET_KEY, or each would seal with its own key.
 */
export function loadSecretBox(configured: string | null, dataDir: string): { box: SecretBox; source: string } {
  if (configured !== null) return { box: SecretBox.fromString(configured), source: 'TEND_SECRET_KEY' }
  const path = join(dataDir, 'secret.key')
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(path, `${SecretBox.generateKey()}\n`, { mode: 0o600, flag: 'wx' })
    chmodSync(path, 0o600)
  }
  return { box: SecretBox.fromString(readFileSync(path, 'utf8').trim()), source: path }
}
