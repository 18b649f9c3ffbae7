import type { Command } from 'commander'
import { ConfigError, loadProcessConfig, type ProcessConfig } from '../../config/process-config.js'
import { CliError, EXIT_USAGE } from '../client.js'

/** Flags shared by every command that opens the database directly (serve, migrate, demo, token). */
export function addDatabaseOptions(cmd: Command): Command {
  return cmd
    .option('--database <url>', 'postgres://… URL or sqlite:PATH (env TEND_DATABASE_URL; default sqlite:<data-dir>/tend.db)')
    .option('--data-dir <dir>', 'folder for the embedded database and keys (env TEND_DATA_DIR; default ./data)')
    .option('--config <file>', 'YAML or JSON config file (env TEND_CONFIG)')
}

interface ConfigFlags {
  host?: string
  port?: string
  database?: string
  dataDir?: string
  config?: string
  publicUrl?: string
  bootstrapToken?: string
  secretKey?: string
  logLevel?: string
  demo?: boolean
  engineTickMs?: string
}

/** Loads the process config from flags, env and file; a ConfigError becomes a usage error listing every bad key. */
export function configFromFlags(flags: ConfigFlags): ProcessConfig {
  try {
    return loadProcessConfig({
      flags: {
        host: flags.host,
        port: flags.port,
        databaseUrl: flags.database,
        dataDir: flags.dataDir,
        publicUrl: flags.publicUrl,
        bootstrapToken: flags.bootstrapToken,
        secretKey: flags.secretKey,
        logLevel: flags.logLevel,
        demo: flags.demo,
        engineTickMs: flags.engineTickMs,
      },
      env: process.env,
      configFile: flags.config ?? process.env['TEND_CONFIG'],
      cwd: process.cwd(),
    })
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, EXIT_USAGE)
    throw err
  }
}

export function registerServe(program: Command): void {
  addDatabaseOptions(
    program
      .command('serve')
      .description('Run the API, the web UI and the engine (embedded SQLite by default)')
      .option('--host <host>', 'interface to listen on (env TEND_HOST; default 127.0.0.1)')
      .option('--port <port>', 'TCP port (env TEND_PORT; default 8080; 0 picks a free one)')
      .option('--public-url <url>', 'URL people use to reach Tend, for links (env TEND_PUBLIC_URL)')
      .option('--bootstrap-token <token>', 'first admin API token instead of a generated one (env TEND_BOOTSTRAP_TOKEN)')
      .option('--secret-key <key>', 'key sealing secrets at rest (env TEND_SECRET_KEY)')
      .option('--log-level <level>', 'fatal|error|warn|info|debug|trace|silent (env TEND_LOG_LEVEL; default info)')
      .option('--engine-tick-ms <ms>', 'safety-net engine poll interval (env TEND_ENGINE_TICK_MS; default 1000)')
      .option('--demo', 'seed a demo team, services and schedules (remove with `tend demo remove`)'),
  ).action(async (flags: ConfigFlags) => {
    const config = configFromFlags(flags)
    // Loaded on demand: every other command starts without the server's weight.
    const { createTend } = await import('../../app/tend.js')
    const tend = await createTend({ config })
    const url = await tend.listen()
    printBanner(url, tend.config, tend.bootstrap.newToken, tend.storage.location)
    let stopping = false
    const shutdown = (signal: string) => {
      if (stopping) return
      stopping = true
      tend.log.info({ signal }, 'shutting down: finishing in-flight requests and engine work')
      tend.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          tend.log.error({ err }, 'shutdown failed')
          process.exit(1)
        },
      )
    }
    process.on('SIGTERM', () => shutdown('SIGTERM'))
    process.on('SIGINT', () => shutdown('SIGINT'))
  })
}

function printBanner(url: string, config: ProcessConfig, token: string | null, database: string): void {
  const lines = [
    '',
    `  Tend is running at ${url}/`,
    `  Database: ${database}`,
    token === null
      ? '  Sign in with your API token (lost it? `tend token create --email <admin email>` with the same --data-dir/--database).'
      : `  First admin API token (shown once, store it now): ${token}`,
    config.demo ? '  Demo data is loaded (remove it with `tend demo remove`).' : '  Try the demo: `tend serve --demo`.',
    '',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}
