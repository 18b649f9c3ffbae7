import { formatDateTime, type Instant } from '../../../lib/time'
import type { TeamChannel } from '../../../types/api'

interface TeamChannelListProps {
  readonly channels: readonly TeamChannel[]
  readonly zone: string
  readonly canEdit: boolean
  readonly onTest: (channel: TeamChannel) => void
  readonly onRemove: (channel: TeamChannel) => void
}

const TYPE_LABELS: Readonly<Record<string, string>> = { email: 'Email', slack: 'Slack', webhook: 'Webhook' }

/** A team's channels, with Test and Remove for team admins. */
export function TeamChannelList({ channels, zone, canEdit, onTest, onRemove }: TeamChannelListProps) {
  if (channels.length === 0) {
    return <p className="empty">No channels: notices and the weekly report go to the team admins’ non-interrupting contact methods.</p>
  }
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Team channels">
        <thead>
          <tr><th scope="col">Channel</th><th scope="col">Type</th><th scope="col">Address</th><th scope="col">Added</th>{canEdit && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr>
        </thead>
        <tbody>
          {channels.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              <td>{TYPE_LABELS[c.type] ?? c.type}</td>
              <td className="table__text"><code>{c.address}</code></td>
              <td className="nowrap">{formatDateTime(Date.parse(c.createdAt) as Instant, zone)}</td>
              {canEdit && (
                <td className="table__actions">
                  <div className="button-group">
                    <button type="button" className="button button--small" onClick={() => onTest(c)}>Test<span className="visually-hidden"> {c.label}</span></button>
                    <button type="button" className="button button--small button--danger" onClick={() => onRemove(c)}>Remove<span className="visually-hidden"> {c.label}</span></button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
