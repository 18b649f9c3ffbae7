import type { Command } from 'commander'
import { loadSecretBox } from '../../app/secret-key.js'
import { removeDemo, seedDemo } from '../../demo/index.js'
import { systemClock } from '../../lib/time/index.js'
import { openStorage } from '../../storage/index.js'
import { addDatabaseOptions, configFromFlags } from './serve.js'

type DbFlags = { database?: string; dataDir?: string; config?: string }

/** `tend demo seed|remove`: works on the database directly, with or without a running server. */
export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('Demo data: a sample team, services and schedules, all marked as demo')
  addDatabaseOptions(demo.command('seed').description('Load the demo data (no-op when present)')).action(async (flags: DbFlags) => {
    const config = configFromFlags(flags)
    const storage = openStorage(config.databaseUrl)
    try {
      await storage.migrate()
      const { box } = loadSecretBox(config.secretKey, config.dataDir)
      const { seeded } = await seedDemo({ storage, secrets: box, now: systemClock.now() })
      process.stdout.write(seeded ? 'Demo data loaded. Remove it with `tend demo remove`.\n' : 'Demo data is already loaded.\n')
    } finally {
      await storage.close()
    }
  })
  addDatabaseOptions(demo.command('remove').description('Remove every demo row, leaving real data alone')).action(async (flags: DbFlags) => {
    const config = configFromFlags(flags)
    const storage = openStorage(config.databaseUrl)
    try {
      await storage.migrate()
      const { removed } = await removeDemo({ storage, now: systemClock.now() })
      process.stdout.write(removed === 0 ? 'No demo data to remove.\n' : `Removed the demo data (${removed} teams, schedules, services and people).\n`)
    } finally {
      await storage.close()
    }
  })
}
