import type { Command } from 'commander'
import { api, resolveConnection } from '../client.js'
import { printJson, printTable } from '../output.js'

interface GlobalFlags {
  server?: string
  token?: string
  json?: boolean
}

const conn = (cmd: Command) => resolveConnection(cmd.optsWithGlobals<GlobalFlags>())
const wantsJson = (cmd: Command) => cmd.optsWithGlobals<GlobalFlags>().json === true

interface UserJson {
  id: string
  name: string
  email: string
  timeZone: string
  isAdmin: boolean
  isDemo: boolean
}

/** `tend users`, `tend teams`, `tend services`: list and create the people and things that carry the pager. */
export function registerPeople(program: Command): void {
  const users = program.command('users').description('People')
  users
    .command('list')
    .description('List users')
    .action(async (_flags: unknown, cmd: Command) => {
      const res = await api<{ items: UserJson[] }>(conn(cmd), 'GET', '/api/v1/users')
      if (wantsJson(cmd)) return printJson(res.items)
      printTable(res.items.map((u) => ({ name: u.name, email: u.email, zone: u.timeZone, id: u.id, flags: [u.isAdmin ? 'admin' : '', u.isDemo ? 'demo' : ''].filter(Boolean).join(',') })), ['name', 'email', 'zone', 'flags', 'id'])
    })
  users
    .command('create')
    .description('Create a user (administrators)')
    .requiredOption('--name <name>')
    .requiredOption('--email <email>')
    .option('--time-zone <zone>', 'IANA zone, e.g. Europe/Berlin', 'UTC')
    .option('--admin', 'make a global administrator')
    .action(async (flags: { name: string; email: string; timeZone: string; admin?: boolean }, cmd: Command) => {
      const user = await api<UserJson>(conn(cmd), 'POST', '/api/v1/users', { name: flags.name, email: flags.email, timeZone: flags.timeZone, isAdmin: flags.admin === true })
      if (wantsJson(cmd)) return printJson(user)
      process.stdout.write(`Created ${user.name} <${user.email}> (${user.id})\n`)
    })

  const teams = program.command('teams').description('Teams')
  teams
    .command('list')
    .description('List teams')
    .action(async (_flags: unknown, cmd: Command) => {
      const res = await api<{ items: { id: string; name: string; timeZone: string }[] }>(conn(cmd), 'GET', '/api/v1/teams')
      if (wantsJson(cmd)) return printJson(res.items)
      printTable(res.items.map((t) => ({ name: t.name, zone: t.timeZone, id: t.id })), ['name', 'zone', 'id'])
    })
  teams
    .command('create')
    .description('Create a team (administrators)')
    .requiredOption('--name <name>')
    .option('--time-zone <zone>', 'IANA zone of the team', 'UTC')
    .option('--description <text>', 'what the team owns', '')
    .action(async (flags: { name: string; timeZone: string; description: string }, cmd: Command) => {
      const team = await api<{ id: string; name: string }>(conn(cmd), 'POST', '/api/v1/teams', { name: flags.name, timeZone: flags.timeZone, description: flags.description })
      if (wantsJson(cmd)) return printJson(team)
      process.stdout.write(`Created team ${team.name} (${team.id})\n`)
    })
  teams
    .command('add-member')
    .description('Add a member to a team, or change their role')
    .requiredOption('--team <team>', 'team id or name')
    .requiredOption('--user <user>', 'user id or email')
    .option('--role <role>', 'admin, responder or observer', 'responder')
    .action(async (flags: { team: string; user: string; role: string }, cmd: Command) => {
      const c = conn(cmd)
      const userId = await resolveUserId(c, flags.user)
      const member = await api<{ name: string; role: string }>(c, 'PUT', `/api/v1/teams/${encodeURIComponent(flags.team)}/members`, { userId, role: flags.role })
      process.stdout.write(`${member.name} is now ${member.role} of ${flags.team}\n`)
    })

  const services = program.command('services').description('Services')
  services
    .command('list')
    .description('List services')
    .action(async (_flags: unknown, cmd: Command) => {
      const c = conn(cmd)
      const [res, teamList] = await Promise.all([
        api<{ items: { id: string; name: string; teamId: string; dependsOn: string[] }[] }>(c, 'GET', '/api/v1/services'),
        api<{ items: { id: string; name: string }[] }>(c, 'GET', '/api/v1/teams'),
      ])
      if (wantsJson(cmd)) return printJson(res.items)
      const name = (id: string) => res.items.find((s) => s.id === id)?.name ?? id
      printTable(
        res.items.map((s) => ({ name: s.name, team: teamList.items.find((t) => t.id === s.teamId)?.name ?? s.teamId, 'depends on': s.dependsOn.map(name).join(', '), id: s.id })),
        ['name', 'team', 'depends on', 'id'],
      )
    })
  services
    .command('create')
    .description('Create a service owned by a team')
    .requiredOption('--name <name>')
    .requiredOption('--team <team>', 'owning team id or name')
    .option('--depends-on <services>', 'comma-separated service names or ids this one depends on', '')
    .option('--description <text>', 'what it does', '')
    .action(async (flags: { name: string; team: string; dependsOn: string; description: string }, cmd: Command) => {
      const c = conn(cmd)
      const refs = flags.dependsOn.split(',').map((s) => s.trim()).filter(Boolean)
      const dependsOn = await Promise.all(refs.map(async (r) => (await api<{ id: string }>(c, 'GET', `/api/v1/services/${encodeURIComponent(r)}`)).id))
      const service = await api<{ id: string; name: string }>(c, 'POST', '/api/v1/services', { name: flags.name, teamId: flags.team, description: flags.description, dependsOn })
      if (wantsJson(cmd)) return printJson(service)
      process.stdout.write(`Created service ${service.name} (${service.id})\n`)
    })
}

/** Resolves a user given by id or email to an id. */
export async function resolveUserId(c: ReturnType<typeof resolveConnection>, ref: string): Promise<string> {
  if (!ref.includes('@')) return ref
  const res = await api<{ items: UserJson[] }>(c, 'GET', '/api/v1/users')
  const user = res.items.find((u) => u.email === ref.toLowerCase())
  if (user === undefined) throw new Error(`No user with email ${ref}`)
  return user.id
}
