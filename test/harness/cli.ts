import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const TEND_BIN = fileURLToPath(new URL('../../bin/tend.js', import.meta.url))
const BUILT = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))

/** CLI tests run the built `tend` binary, as a user would; fail loudly when it was not built. */
export function requireBuild(): void {
  if (!existsSync(BUILT)) throw new Error('dist/ is missing: run `npm run build` first (npm test does this)')
}

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs `tend <args>` to completion (bounded by a timeout) and returns its output. */
export function runTend(args: readonly string[], opts: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TEND_BIN, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`tend ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`))
    }, opts.timeoutMs ?? 30_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

export interface RunningServer {
  readonly child: ChildProcess
  readonly url: string
  readonly banner: string
  /** Sends SIGTERM and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  output(): string
}

/** Starts `tend serve` and waits until its banner shows the URL. */
export function startTendServe(args: readonly string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TEND_BIN, 'serve', '--port', '0', ...args], { cwd: opts.cwd, env: { ...process.env, TEND_LOG_LEVEL: 'warn', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = /Tend is running at (http:\/\/\S+?)\/?\s/.exec(out)
      if (m?.[1] !== undefined && /\n\s*\n/.test(out.slice(out.indexOf('Tend is running')))) {
        clearTimeout(timer)
        resolve({
          child,
          url: m[1],
          banner: out,
          output: () => out,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode)
              child.once('exit', (code) => done(code))
              child.kill(signal)
            }),
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => reject(new Error(`tend serve exited early (${code}):\n${out}`)))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`tend serve did not start within 30 s:\n${out}`))
    }, 30_000)
  })
}
