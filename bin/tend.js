#!/usr/bin/env -S node --max-semi-space-size=32
// The `tend` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare)
// and `npm run build`.
// A young generation of 32 MB instead of Node's 16: a server allocates a burst's requests, rows
// and messages that all die young, and with the default they were scavenged and promoted more
// often. Measured at saturation, alternating pairs: Tend's CPU per event −7 to −23% on
// PostgreSQL and −6 to −9% on SQLite in most pairs (events/s +6 to +22%). V8 reads the size
// only at start-up, so it is a command-line flag: here, in `npm start`, and in bench/.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const entry = new URL('../dist/cli/bin.js', import.meta.url)
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('tend: not built yet. Run `npm run build` in the Tend folder first.\n')
  process.exit(1)
}
await import(entry.href)
