import { useState } from 'react'
import { Alert } from '../../../components/alert'
import { formatRange, parseInstant, type Instant } from '../../../lib/time'
import type { ChangeDetail, Freeze } from '../../../types/api'
import { grantFreezeException } from '../api/grant-freeze-exception'
import { freezesFor, mayGrantException, type Viewer } from '../utils/approvals'

interface ChangeFreezeExceptionsProps {
  readonly change: ChangeDetail
  /** Freezes not yet over. */
  readonly freezes: readonly Freeze[]
  readonly viewer: Viewer | undefined
  readonly nameOf: (userId: string) => string
  readonly zone: string
  readonly now: Instant
  readonly onChanged: (message: string) => void
}

const GRANTABLE = ['submitted', 'approved', 'in_progress']

/** The freezes the change would deploy into, whether it has an exception to each, and Grant for the freeze's approvers. */
export function ChangeFreezeExceptions({ change, freezes, viewer, nameOf, zone, now, onChanged }: ChangeFreezeExceptionsProps) {
  const [error, setError] = useState<string>()
  const blocking = freezesFor(change, freezes, now)
  const excepted = freezes.filter((f) => change.freezeExceptions.includes(f.id) && !blocking.some((b) => b.freeze.id === f.id)).map((freeze) => ({ freeze, excepted: true }))
  const rows = [...blocking, ...excepted]
  if (rows.length === 0) return <p className="empty">{change.plannedAt === null ? 'No freeze covers its services now.' : 'No freeze covers its services at the planned time.'}</p>
  const grant = async (f: Freeze) => {
    setError(undefined)
    try {
      await grantFreezeException(change.key, f.id)
      onChanged(`Granted ${change.key} an exception to the freeze “${f.name}”.`)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <>
      {error !== undefined && <Alert>{error}</Alert>}
      <ul className="change-freezes">
        {rows.map(({ freeze, excepted: has }) => {
          const approvers = freeze.approverIds.length === 0 ? 'a global administrator' : freeze.approverIds.map(nameOf).join(' or ')
          const canGrant = viewer !== undefined && !has && mayGrantException(freeze, viewer) && viewer.id !== change.authorId && GRANTABLE.includes(change.state)
          return (
            <li key={freeze.id} className={has ? 'change-freezes__item' : 'change-freezes__item change-freezes__item--blocking'}>
              <p>
                <span className="freeze-name">{freeze.name}</span> <span className="muted">{formatRange(parseInstant(freeze.start), parseInstant(freeze.end), zone)}</span>
              </p>
              <p>{has ? '✓ Exception granted: this freeze does not block it while it is approved or in progress.' : `Blocks this change. An exception takes ${approvers}${viewer?.id === change.authorId ? ' (not the author)' : ''}.`}</p>
              {canGrant && (
                <button type="button" className="button button--small" onClick={() => void grant(freeze)}>
                  Grant exception to “{freeze.name}”
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
