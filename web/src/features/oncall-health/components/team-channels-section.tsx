import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { LoadState } from '../../../components/load-state'
import { useAsync } from '../../../hooks/use-async'
import { usePolling } from '../../../hooks/use-polling'
import type { TeamChannel } from '../../../types/api'
import { deleteTeamChannel } from '../api/delete-team-channel'
import { getTeamChannels } from '../api/get-team-channels'
import { getTeamMessages } from '../api/get-team-messages'
import { testTeamChannel } from '../api/test-team-channel'
import { TeamChannelCreateForm } from './team-channel-create-form'
import { TeamChannelList } from './team-channel-list'
import { TeamMessageList } from './team-message-list'

// Messages go out within seconds; a test's status should show without a reload.
const MESSAGES_REFRESH_MS = 10_000
const MESSAGES_SHOWN = 20

/** Where the team's notices and weekly report go (add, test, remove), and how the latest messages fared. */
export function TeamChannelsSection({ teamId, zone, canEdit }: { readonly teamId: string; readonly zone: string; readonly canEdit: boolean }) {
  const channels = useAsync((signal) => getTeamChannels(teamId, signal), [teamId])
  const messages = useAsync((signal) => getTeamMessages(teamId, MESSAGES_SHOWN, signal), [teamId])
  usePolling(messages.reload, MESSAGES_REFRESH_MS)
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const [secret, setSecret] = useState<{ readonly label: string; readonly value: string }>()

  const done = (message: string) => {
    setNotice(message)
    setError(undefined)
    channels.reload()
    messages.reload()
  }
  const fail = (err: unknown) => {
    setError(err instanceof Error ? err.message : String(err))
    setNotice(undefined)
  }
  const onCreated = (c: TeamChannel) => {
    done(`Added “${c.label}”.`)
    setSecret(c.signingSecret === undefined ? undefined : { label: c.label, value: c.signingSecret })
  }
  const onTest = (c: TeamChannel) => {
    setSecret(undefined)
    testTeamChannel(teamId, c.id).then((n) => done(`Test message queued to “${c.label}” (${n}); its status shows below.`), fail)
  }
  const onRemove = (c: TeamChannel) => {
    if (!window.confirm(`Remove the channel “${c.label}”? It stops receiving the team’s notices and weekly report.`)) return
    setSecret(undefined)
    deleteTeamChannel(teamId, c.id).then(() => done(`Removed “${c.label}”.`), fail)
  }

  return (
    <>
      <section className="card health-card" aria-labelledby="channels-title">
        <h2 id="channels-title">Team channels</h2>
        <p className="muted">Sleep-in and relief notices, budget warnings and the weekly report go here. Addresses are stored encrypted.</p>
        {error !== undefined && <Alert>{error}</Alert>}
        {notice !== undefined && <Alert tone="info"><p>{notice}</p></Alert>}
        {secret !== undefined && (
          <Alert tone="info">
            <p>Signing secret for “{secret.label}”, shown only now: <code data-testid="channel-signing-secret">{secret.value}</code></p>
            <p className="alert__detail">Tend signs each call with it (header <code>x-tend-signature: t=…,v1=…</code>, an HMAC-SHA256 of <code>t.body</code>); store it where the receiver checks signatures.</p>
          </Alert>
        )}
        <LoadState loading={channels.loading && channels.data === undefined} error={channels.error} retry={channels.reload} />
        {channels.data !== undefined && <TeamChannelList channels={channels.data} zone={zone} canEdit={canEdit} onTest={onTest} onRemove={onRemove} />}
        {canEdit && (
          <>
            <h3 className="channel-form__title">Add a channel</h3>
            <TeamChannelCreateForm teamId={teamId} onCreated={onCreated} />
          </>
        )}
      </section>
      <section className="card health-card" aria-labelledby="messages-title">
        <h2 id="messages-title">Recent team messages</h2>
        <LoadState loading={messages.loading && messages.data === undefined} error={messages.error} retry={messages.reload} />
        {messages.data !== undefined && <TeamMessageList messages={messages.data} channels={channels.data ?? []} zone={zone} />}
      </section>
    </>
  )
}
