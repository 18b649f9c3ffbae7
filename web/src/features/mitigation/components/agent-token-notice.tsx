import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { agentYaml } from '../utils/agent-yaml'

interface AgentTokenNoticeProps {
  readonly name: string
  readonly token: string
  /** Tend's address as the agent reaches it. */
  readonly server: string
}

/** The new agent's token and the agent.yaml to paste on the host, shown once. */
export function AgentTokenNotice({ name, token, server }: AgentTokenNoticeProps) {
  const [copied, setCopied] = useState(false)
  const yaml = agentYaml({ server, token, name })
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(yaml)
      setCopied(true)
    } catch {
      // Clipboard access needs a secure context; the text stays selectable.
    }
  }
  return (
    <div className="agent-token" data-testid="agent-token">
      <Alert tone="warning">
        <p><strong>Copy the token now: it is shown only once.</strong> Tend keeps only a hash of it.</p>
      </Alert>
      <p>
        Token for {name}: <code className="agent-token__token">{token}</code>
      </p>
      <div className="agent-token__yaml">
        <div className="section__header">
          <p>
            Put this in <code>agent.yaml</code> on the host, and list the commands it may run:
          </p>
          <button type="button" className="button button--small" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
        </div>
        <pre className="code-block" aria-label="agent.yaml">{yaml}</pre>
      </div>
      <p>
        Then start it with <code>tend agent --config agent.yaml</code>. It connects out to Tend (no inbound port), reports its allow-list, and runs only those commands, by name.
      </p>
    </div>
  )
}
