import { spawn } from 'node:child_process'
import type { AgentConfig } from './config.js'

/** Output kept per job: the last 8 KiB is what people read in the timeline. */
const OUTPUT_LIMIT = 8192

export interface AgentJob {
  readonly id: string
  readonly command: string
  readonly timeoutSeconds: number
}

export type JobResult = { status: 'succeeded' | 'failed' | 'refused'; exitCode: number | null; output: string }

/** The agent was asked to stop while waiting for a job. */
class AgentStopped extends Error {}

/** A start-up failure with a message a person can act on. */
export class AgentStartError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AgentStartError'
  }
}

/**
 * Runs one job: only a command from the local allow-list, by name, with a timeout. A name that
 * is not in the list is refused — the agent never runs anything it was not told it may.
 */
export async function runJob(config: AgentConfig, job: AgentJob): Promise<JobResult> {
  const line = Object.hasOwn(config.commands, job.command) ? config.commands[job.command] : undefined
  if (line === undefined) {
    return { status: 'refused', exitCode: null, output: `refused: "${job.command}" is not in this agent's allow-list (${Object.keys(config.commands).join(', ')})` }
  }
  const timeoutMs = Math.min(job.timeoutSeconds, config.maxTimeoutSeconds) * 1000
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', line], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TEND_JOB_ID: job.id } })
    let output = ''
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-OUTPUT_LIMIT)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      resolve({ status: 'failed', exitCode: null, output: `could not start: ${err.message}` })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (timedOut) resolve({ status: 'failed', exitCode: null, output: `${output}\n(killed after ${timeoutMs / 1000} s)`.trim() })
      else resolve({ status: code === 0 ? 'succeeded' : 'failed', exitCode: code, output })
    })
  })
}

async function call(config: AgentConfig, method: string, path: string, body?: unknown, timeoutMs = 30_000, stop?: AbortSignal): Promise<Response> {
  try {
    return await fetch(`${config.server}${path}`, {
      method,
      headers: { authorization: `Bearer ${config.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: stop === undefined ? AbortSignal.timeout(timeoutMs) : AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]),
    })
  } catch (err) {
    if (stop?.aborted === true) throw new AgentStopped()
    const cause = (err as Error & { cause?: { code?: string } }).cause?.code
    throw new AgentStartError(`cannot reach Tend at ${config.server} (${cause ?? (err as Error).message}); check "server" in the config and that Tend is running`)
  }
}

/** Says hello (checks the token and reports the allow-list); throws AgentStartError with the reason. */
export async function hello(config: AgentConfig): Promise<{ agentId: string; name: string }> {
  const res = await call(config, 'POST', '/agent/v1/hello', { name: config.name, commands: Object.keys(config.commands) })
  if (res.status === 401) throw new AgentStartError('Tend rejected the agent token: it is unknown or the agent was removed. Register the agent again and update "token"')
  if (!res.ok) throw new AgentStartError(`Tend answered ${res.status} to hello: ${(await res.text()).slice(0, 300)}`)
  return (await res.json()) as { agentId: string; name: string }
}

/**
 * The agent loop: long-poll for a job, run it, report, repeat; back off on errors. Stops when
 * `signal` aborts, after reporting the job in progress.
 */
export async function runAgent(config: AgentConfig, signal: AbortSignal, log: (line: string) => void): Promise<void> {
  let backoff = 1000
  while (!signal.aborted) {
    try {
      // Stopping cancels the wait for a job at once, so a stopped agent never takes another.
      const res = await call(config, 'POST', '/agent/v1/jobs/next', undefined, 40_000, signal)
      if (res.status === 204) {
        backoff = 1000
        continue
      }
      if (res.status === 401) throw new AgentStartError('the agent token stopped working (the agent was removed?)')
      if (!res.ok) throw new Error(`Tend answered ${res.status}`)
      const { job } = (await res.json()) as { job: AgentJob }
      log(`job ${job.id}: ${job.command}`)
      const result = await runJob(config, job)
      log(`job ${job.id}: ${result.status}${result.exitCode === null ? '' : ` (exit ${result.exitCode})`}`)
      const report = await call(config, 'POST', `/agent/v1/jobs/${job.id}/result`, result)
      if (!report.ok) log(`could not report job ${job.id}: HTTP ${report.status}`)
      backoff = 1000
    } catch (err) {
      if (err instanceof AgentStopped || signal.aborted) return
      if (err instanceof AgentStartError && err.message.includes('token')) throw err
      log(`${(err as Error).message}; retrying in ${backoff / 1000} s`)
      await new Promise((r) => setTimeout(r, backoff))
      backoff = Math.min(backoff * 2, 30_000)
    }
  }
}
