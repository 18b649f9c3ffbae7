import type { Instant } from '../../lib/time/index.js'
import type { Severity } from '../services/index.js'

/** Which alerts a rule acts on; every given condition must hold. */
export interface MitigationMatch {
  /** Regular expression on the alert's dedup key. */
  readonly dedupKeyPattern?: string | undefined
  /** Regular expression on the summary, e.g. "out of memory|OOMKilled". */
  readonly summaryPattern?: string | undefined
  /** Exact label values (Alertmanager labels, or custom details at the top level). */
  readonly labels?: Readonly<Record<string, string>> | undefined
  readonly severities?: readonly Severity[] | undefined
  readonly source?: string | undefined
}

/** An HTTP call (e.g. an orchestrator's restart endpoint), or an allow-listed agent command. */
export type MitigationAction =
  | {
      readonly type: 'http'
      readonly method: 'POST' | 'PUT' | 'GET' | 'DELETE'
      /** May contain {{alert.…}} placeholders (URL-encoded when substituted). */
      readonly url: string
      /** JSON whose string values may contain {{alert.…}} placeholders. */
      readonly body?: unknown
      readonly timeoutSeconds: number
    }
  | {
      readonly type: 'agent'
      readonly agentId: string
      /** A name from the agent's own allow-list; never a shell string. */
      readonly command: string
      readonly timeoutSeconds: number
    }

export interface MitigationRule {
  readonly id: string
  readonly serviceId: string
  readonly name: string
  readonly match: MitigationMatch
  readonly action: MitigationAction
  /** before: hold the page while mitigating; parallel: page as usual and mitigate too. */
  readonly mode: 'before' | 'parallel'
  /** How long to wait for the alert to clear after the action succeeded. */
  readonly verifyMinutes: number
  /** At most `maxRuns` runs per `perMinutes` for one target; past that, a human is paged. */
  readonly loopGuard: { readonly maxRuns: number; readonly perMinutes: number }
  readonly paused: boolean
  readonly dryRun: boolean
  readonly createdBy: string | null
  readonly createdAt: Instant
  readonly updatedAt: Instant
}

export type RunStatus = 'pending' | 'running' | 'verifying' | 'succeeded' | 'failed' | 'not_cleared' | 'timed_out' | 'refused' | 'looping' | 'dry_run'

/** The statuses after which a human is paged. */
export const FAILED_STATUSES: readonly RunStatus[] = ['failed', 'not_cleared', 'timed_out', 'refused', 'looping']

export interface MitigationRun {
  readonly id: string
  readonly ruleId: string
  readonly alertId: string
  readonly targetKey: string
  readonly status: RunStatus
  readonly dryRun: boolean
  readonly actionSummary: string
  readonly resultText: string | null
  readonly exitCode: number | null
  readonly nextCheckAt: Instant | null
  readonly verifyUntil: Instant | null
  readonly startedAt: Instant | null
  readonly finishedAt: Instant | null
  readonly createdAt: Instant
}

export const DEFAULT_VERIFY_MINUTES = 10
export const DEFAULT_LOOP_GUARD = Object.freeze({ maxRuns: 3, perMinutes: 60 })
