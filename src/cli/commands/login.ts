import type { Command } from 'commander'
import { api, resolveConnection, saveConnection } from '../client.js'

export function registerLogin(program: Command): void {
  program
    .command('login')
    .description('Check a server URL and token, and save them for later commands')
    .requiredOption('--token <token>', 'your API token')
    .action(async (flags: { token: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<{ server?: string }>()
      const conn = resolveConnection({ server: global.server, token: flags.token })
      const me = await api<{ name: string; email: string }>(conn, 'GET', '/api/v1/me')
      const path = saveConnection(conn)
      process.stdout.write(`Signed in to ${conn.server} as ${me.name} <${me.email}>. Saved to ${path}.\n`)
    })
}
