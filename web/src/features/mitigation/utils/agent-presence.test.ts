import { describe, expect, it } from 'vitest'
import { agentPresence } from './agent-presence'
import { agentYaml } from './agent-yaml'

describe('agents', () => {
  const now = Date.parse('2026-11-24T01:00:00Z')
  it('is offline after two minutes without a word', () => {
    expect(agentPresence(null, now)).toEqual({ state: 'never', text: 'never connected' })
    expect(agentPresence('2026-11-24T00:59:30Z', now)).toEqual({ state: 'online', text: 'online, seen just now' })
    expect(agentPresence('2026-11-24T00:57:00Z', now)).toEqual({ state: 'offline', text: 'offline: last seen 3 min ago' })
  })

  it('writes an agent.yaml with the server, the token and an example allow-list', () => {
    const yaml = agentYaml({ server: 'https://tend.example', token: 'tend_agt_abc', name: 'api host: 1' })
    expect(yaml).toContain('server: https://tend.example\ntoken: tend_agt_abc\nname: "api host: 1"\n')
    expect(yaml).toMatch(/commands:\n {2}restart-api: /)
  })
})
