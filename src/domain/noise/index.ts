/**
 * Noise: which alarms waste the most pages, and what threshold a noisy alarm should have had.
 * Pure functions over alert history and metric series; the caller loads both.
 * @module
 */
export type { AlertRecord, NoisyAlarm } from './rank-noisy-alarms.js'
export { rankNoisyAlarms, SELF_RESOLVE_MINUTES, selfResolvedQuickly } from './rank-noisy-alarms.js'
export type { ThresholdSuggestion, ThresholdSuggestionInput, TimeWindow } from './suggest-threshold.js'
export { suggestThreshold } from './suggest-threshold.js'
// The report and suggestions over stored alerts and metrics (I/O).
export type { AlarmThresholdSuggestion } from './alarm-threshold.js'
export { suggestAlarmThreshold, SUGGESTION_DEFAULTS } from './alarm-threshold.js'
export type { NoiseReportLine } from './report.js'
export { noiseReport } from './report.js'
