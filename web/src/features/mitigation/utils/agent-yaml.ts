/**
 * The agent.yaml to paste on the host: where Tend is, the agent's token, and an example allow-list.
 * The commands are examples; only the names listed there can ever be run.
 */
export function agentYaml(input: { readonly server: string; readonly token: string; readonly name: string }): string {
  const name = /^[\w .-]+$/.test(input.name) ? input.name : JSON.stringify(input.name)
  return [
    `server: ${input.server}`,
    `token: ${input.token}`,
    `name: ${name}`,
    '# The allow-list: the only commands this agent will ever run, by name.',
    'commands:',
    '  restart-api: systemctl restart api',
    '  clear-cache: /usr/local/bin/clear-cache --all',
    '',
  ].join('\n')
}
