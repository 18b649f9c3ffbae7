import { Command, CommanderError } from 'commander'
import { CliError, EXIT_USAGE } from './client.js'
import { registerAlerts } from './commands/alerts.js'
import { registerAgent } from './commands/agent.js'
import { registerHeartbeats } from './commands/heartbeats.js'
import { registerMaintenance } from './commands/maintenance.js'
import { registerAlarms } from './commands/alarms.js'
import { registerNoise } from './commands/noise.js'
import { registerToken } from './commands/create-token.js'
import { registerDemo } from './commands/demo.js'
import { registerLogin } from './commands/login.js'
import { registerMigrate } from './commands/migrate.js'
import { registerOncall } from './commands/oncall.js'
import { registerPeople } from './commands/people.js'
import { registerSchedules } from './commands/schedules.js'
import { registerServe } from './commands/serve.js'
import { registerReport } from './commands/report.js'
import { registerRelief } from './commands/relief.js'
import { registerChangeSafety } from './commands/changes.js'

/** Builds the `tend` command tree. */
export function buildProgram(): Command {
  const program = new Command('tend')
    .description('Tend: on-call, alerting and change safety for teams who run what they build')
    .version('0.1.0')
    .option('--server <url>', 'Tend server for API commands (env TEND_SERVER; default http://127.0.0.1:8080)')
    .option('--token <token>', 'API token (env TEND_TOKEN, or saved by `tend login`)')
    .option('--json', 'print JSON instead of tables')
    .option('--zone <zone>', 'IANA zone to show times in (default: TZ or this machine’s zone)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
  registerServe(program)
  registerMigrate(program)
  registerDemo(program)
  registerToken(program)
  registerLogin(program)
  registerOncall(program)
  registerPeople(program)
  registerSchedules(program)
  registerAlerts(program)
  registerReport(program)
  registerRelief(program)
  registerChangeSafety(program)
  registerAgent(program)
  registerHeartbeats(program)
  registerMaintenance(program)
  registerAlarms(program)
  registerNoise(program)
  return program
}

/** Runs the CLI and maps failures to exit codes: 2 for usage errors, 1 for everything else. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync([...argv], { from: 'node' })
    return 0
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0
      return EXIT_USAGE
    }
    if (err instanceof CliError) {
      process.stderr.write(`tend: ${err.message}\n`)
      return err.exitCode
    }
    process.stderr.write(`tend: ${(err as Error).message ?? String(err)}\n`)
    const cause = (err as Error).cause
    if (cause instanceof Error) process.stderr.write(`  caused by: ${cause.message}\n`)
    return 1
  }
}
