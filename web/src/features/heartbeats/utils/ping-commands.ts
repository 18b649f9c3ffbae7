/** One copy-paste line for a job to report in. */
export interface PingCommand {
  readonly label: string
  readonly command: string
}

/**
 * The lines a job runs to report to its ping URL: success at the end, optionally start at the
 * beginning, and failure with its log (Healthchecks.io's conventions). `--retry 3` rides out a
 * network blip, so one lost packet is not a missed ping.
 * @example pingCommands('https://tend.example/ping/abc')[0].command // 'curl -fsS --retry 3 https://tend.example/ping/abc'
 */
export function pingCommands(url: string): readonly PingCommand[] {
  return [
    { label: 'At the end of each successful run', command: `curl -fsS --retry 3 ${url}` },
    { label: 'At the start (optional: a run in progress is not counted late)', command: `curl -fsS --retry 3 ${url}/start` },
    { label: 'On failure, with its log (the first 10 KiB are kept and shown here)', command: `curl -fsS --retry 3 --data-binary @job.log ${url}/fail` },
  ]
}

/** A wrapper script that reports start, then success or failure with the log's tail. */
export function wrapperScript(url: string, job = '/usr/local/bin/backup.sh'): string {
  return [
    '#!/bin/sh',
    `curl -fsS --retry 3 ${url}/start`,
    `if ${job} > job.log 2>&1; then`,
    `  curl -fsS --retry 3 ${url}`,
    'else',
    `  tail -c 10000 job.log | curl -fsS --retry 3 --data-binary @- ${url}/fail`,
    'fi',
  ].join('\n')
}
