import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'

/**
 * agent.yaml: where Tend is, the agent's token, and the allow-list — the ONLY commands this
 * agent will ever run, by name. Tend sends a name; the shell line stays on this host.
 *
 *   server: https://tend.example.com
 *   token: tend_agt_…
 *   commands:
 *     restart-api: systemctl restart api
 *     clear-cache: /usr/local/bin/clear-cache --all
 */
export interface AgentConfig {
  readonly server: string
  readonly token: string
  readonly name: string
  readonly commands: Readonly<Record<string, string>>
  /** Longest any command may run, whatever a job asks (seconds). */
  readonly maxTimeoutSeconds: number
}

/** Every problem with the file, so the operator fixes them in one go. */
export class AgentConfigError extends Error {
  constructor(readonly path: string, readonly problems: readonly string[]) {
    super(`${path} is not a valid agent configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'AgentConfigError'
  }
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/

export function loadAgentConfig(path: string, env: Readonly<Record<string, string | undefined>>): AgentConfig {
  let raw: unknown
  try {
    raw = parseYaml(readFileSync(path, 'utf8'))
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    throw new AgentConfigError(path, [e.code === 'ENOENT' ? 'the file does not exist' : `cannot be read as YAML: ${e.message}`])
  }
  const problems: string[] = []
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AgentConfigError(path, ['must be a mapping with server, token and commands'])
  const o = raw as Record<string, unknown>
  for (const k of Object.keys(o)) if (!['server', 'token', 'name', 'commands', 'maxTimeoutSeconds'].includes(k)) problems.push(`${k}: unknown key`)
  const server = typeof o['server'] === 'string' ? o['server'].replace(/\/$/, '') : ''
  if (!/^https?:\/\//.test(server)) problems.push('server: must be the http(s) URL of Tend, e.g. https://tend.example.com')
  const token = env['TEND_AGENT_TOKEN'] ?? (typeof o['token'] === 'string' ? o['token'] : '')
  if (!token.startsWith('tend_agt_')) problems.push('token: must be an agent token (tend_agt_…) from POST /api/v1/teams/<team>/agents, or set TEND_AGENT_TOKEN')
  const commands: Record<string, string> = {}
  const list = o['commands']
  if (typeof list !== 'object' || list === null || Array.isArray(list)) problems.push('commands: must be a mapping of names to shell commands (the allow-list)')
  else {
    for (const [name, cmd] of Object.entries(list as Record<string, unknown>)) {
      if (!NAME.test(name)) problems.push(`commands.${name}: names may only use letters, digits, . _ - (at most 64)`)
      else if (typeof cmd !== 'string' || cmd.trim() === '') problems.push(`commands.${name}: must be a non-empty shell command`)
      else commands[name] = cmd
    }
    if (Object.keys(commands).length === 0 && problems.length === 0) problems.push('commands: the allow-list is empty, so this agent could never do anything')
  }
  const maxTimeoutSeconds = o['maxTimeoutSeconds'] === undefined ? 900 : o['maxTimeoutSeconds']
  if (typeof maxTimeoutSeconds !== 'number' || !Number.isInteger(maxTimeoutSeconds) || maxTimeoutSeconds < 1 || maxTimeoutSeconds > 3600) problems.push('maxTimeoutSeconds: must be a whole number of seconds from 1 to 3600')
  if (problems.length > 0) throw new AgentConfigError(path, problems)
  return { server, token, name: typeof o['name'] === 'string' ? o['name'] : 'agent', commands, maxTimeoutSeconds: maxTimeoutSeconds as number }
}
