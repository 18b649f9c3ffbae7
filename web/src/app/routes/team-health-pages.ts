// The on-call health pages as one module, so the bundler puts them in one chunk (team-health-lazy.tsx).
export { TeamHealthRoute } from './team-health'
export { TeamHealthIndexRoute } from './team-health-index'
export { TeamHealthReportRoute } from './team-health-report'
export { TeamHealthSettingsRoute } from './team-health-settings'
