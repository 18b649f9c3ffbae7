import { formatDateTime } from '../../../lib/time'
import type { TeamChannel, TeamMessage } from '../../../types/api'

const STATUS: Readonly<Record<string, string>> = {
  pending: 'badge',
  sending: 'badge badge--warn',
  sent: 'badge badge--good',
  dead: 'badge badge--bad',
}

/** The latest messages to the team's channels, newest first, with their delivery status and last error. */
export function TeamMessageList({ messages, channels, zone }: { readonly messages: readonly TeamMessage[]; readonly channels: readonly TeamChannel[]; readonly zone: string }) {
  if (messages.length === 0) return <p className="empty">No messages yet.</p>
  const labelOf = (id: string) => channels.find((c) => c.id === id)?.label ?? 'removed channel'
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Recent team messages">
        <thead>
          <tr><th scope="col">Queued</th><th scope="col">Channel</th><th scope="col">Message</th><th scope="col">Status</th></tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id}>
              <td className="nowrap">{formatDateTime(Date.parse(m.createdAt), zone)}</td>
              <td>{labelOf(m.channelId)}</td>
              <td className="table__text">
                <strong>{m.subject}</strong>
                <span className="health-sub">{m.kind}</span>
              </td>
              <td>
                <span className={STATUS[m.status] ?? 'badge'}>{m.status}</span>
                {m.attempts > 1 && <span className="health-sub">{m.attempts} attempts</span>}
                {m.lastError !== null && m.status !== 'sent' && <span className="health-sub text-danger">{m.lastError}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
