import type { Command } from 'commander'
import { addDatabaseOptions, configFromFlags } from './serve.js'

type DbFlags = { database?: string; dataDir?: string; config?: string }

/** The database side of the demo commands, loaded only when one runs. */
async function deps() {
  const [{ loadSecretBox }, { removeDemo, seedDemo }, { systemClock }, { openStorage }] = await Promise.all([
    import('../../app/secret-key.js'),
    import('../../demo/index.js'),
    import('../../lib/time/index.js'),
    import('../../storage/index.js'),
  ])
  return { loadSecretBox, removeDemo, seedDemo, systemClock, openStorage }
}

/** `tend demo seed|remove`: works on the database directly, with or without a running server. */
export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('Demo data: a sample team, services and schedules, all marked as demo')
  addDatabaseOptions(demo.command('seed').description('Load the demo data (no-op when present)')).action(async (flags: DbFlags) => {
    const config = configFromFlags(flags)
    const { loadSecretBox, seedDemo, systemClock, openStorage } = await deps()
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
    const { removeDemo, systemClock, openStorage } = await deps()
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
