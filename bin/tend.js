#!/usr/bin/env node
// The `tend` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare)
// and `npm run build`.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const entry = new URL('../dist/cli/bin.js', import.meta.url)
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('tend: not built yet. Run `npm run build` in the Tend folder first.\n')
  process.exit(1)
}
await import(entry.href)
