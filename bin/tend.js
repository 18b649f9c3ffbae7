#!/usr/bin/env node
// The `tend` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare)
// and `npm run build`.
// `tend serve` runs best with a 32 MB young generation (`npm start` passes
// --max-semi-space-size=32; elsewhere set NODE_OPTIONS=--max-semi-space-size=32, see the
// README). V8 reads it only at start-up, so it cannot be set from here; `env -S` in the line
// above would, but BusyBox's env (Alpine images) does not know -S.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const entry = new URL('../dist/cli/bin.js', import.meta.url)
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('tend: not built yet. Run `npm run build` in the Tend folder first.\n')
  process.exit(1)
}
await import(entry.href)
