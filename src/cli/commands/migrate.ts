import type { Command } from 'commander'
import { addDatabaseOptions, configFromFlags } from './serve.js'

export function registerMigrate(program: Command): void {
  addDatabaseOptions(
    program
      .command('migrate')
      .description('Apply database migrations (tend serve also does this on start)')
      .option('--down', 'revert the most recent migration instead'),
  ).action(async (flags: { database?: string; dataDir?: string; config?: string; down?: boolean }) => {
    const config = configFromFlags(flags)
    const { openStorage } = await import('../../storage/index.js')
    const storage = openStorage(config.databaseUrl)
    try {
      const report = flags.down === true ? await storage.migrateDown() : await storage.migrate()
      const verb = flags.down === true ? 'reverted' : 'applied'
      process.stdout.write(report.applied.length === 0 ? `Nothing to do: ${storage.location} is up to date.\n` : `${verb}: ${report.applied.join(', ')}\n`)
    } finally {
      await storage.close()
    }
  })
}
