import type { Command } from 'commander'
import { AgentStartError, hello, runAgent } from '../../agent/agent.js'
import { AgentConfigError, loadAgentConfig } from '../../agent/config.js'
import { CliError, EXIT_USAGE } from '../client.js'

/** `tend agent --config agent.yaml`: runs allow-listed commands on this host for mitigation rules. */
export function registerAgent(program: Command): void {
  program
    .command('agent')
    .description('Run the mitigation agent: connects out to Tend and runs only the commands in its allow-list')
    .requiredOption('--config <file>', 'agent.yaml with server, token and commands (the allow-list)')
    .action(async (flags: { config: string }) => {
      let config
      try {
        config = loadAgentConfig(flags.config, process.env)
      } catch (err) {
        if (err instanceof AgentConfigError) throw new CliError(err.message, EXIT_USAGE)
        throw err
      }
      try {
        const me = await hello(config)
        process.stdout.write(`tend agent "${me.name}" connected to ${config.server}; allow-list: ${Object.keys(config.commands).join(', ')}\n`)
      } catch (err) {
        if (err instanceof AgentStartError) throw new CliError(err.message)
        throw err
      }
      const stop = new AbortController()
      process.on('SIGTERM', () => stop.abort())
      process.on('SIGINT', () => stop.abort())
      try {
        await runAgent(config, stop.signal, (line) => process.stdout.write(`${line}\n`))
      } catch (err) {
        if (err instanceof AgentStartError) throw new CliError(err.message)
        throw err
      }
    })
}
