import type { Command } from 'commander'
import { CliError } from '../client.js'
import { addDatabaseOptions, configFromFlags } from './serve.js'

/** `tend token create`: mints a token straight in the database, for recovery when no token is at hand. */
export function registerToken(program: Command): void {
  const token = program.command('token').description('API tokens')
  addDatabaseOptions(
    token
      .command('create')
      .description("Create an API token for a user directly in the database (recovery: works without the server)")
      .requiredOption('--email <email>', "the user's email")
      .option('--name <name>', 'a name for the token', 'cli'),
  ).action(async (flags: { email: string; name: string; database?: string; dataDir?: string; config?: string }) => {
    const config = configFromFlags(flags)
    const [{ createApiToken }, { systemClock }, { openStorage }] = await Promise.all([import('../../domain/auth/index.js'), import('../../lib/time/index.js'), import('../../storage/index.js')])
    const storage = openStorage(config.databaseUrl)
    try {
      await storage.migrate()
      const user = await storage.db.selectFrom('users').select('id').where('email', '=', flags.email.toLowerCase()).executeTakeFirst()
      if (user === undefined) throw new CliError(`No user with email ${flags.email} in ${storage.location}`)
      const now = systemClock.now()
      const created = await storage.db.transaction().execute((trx) => createApiToken(trx, now, { userId: null, label: 'cli:token-create' }, { userId: user.id, name: flags.name }))
      process.stdout.write(`${created.token}\n`)
    } finally {
      await storage.close()
    }
  })
}
