import { Type } from 'typebox'
import { Nullable, Rfc3339 } from '../common.js'
import { SuggestionJson } from '../alarms/schema.js'

export const NoiseQuery = Type.Object({
  teamId: Type.Optional(Type.String({ description: 'team id or name' })),
  serviceId: Type.Optional(Type.String({ description: 'service id or name' })),
  from: Type.Optional(Rfc3339),
  to: Type.Optional(Rfc3339),
})

export const NoisyAlarmJson = Type.Object({
  key: Type.String({ description: 'alarm:<id>, heartbeat:<id>, class:<class> or dedup:<key>' }),
  label: Type.String(),
  serviceId: Type.String(),
  serviceName: Type.String(),
  alarmId: Nullable(Type.String()),
  heartbeatId: Nullable(Type.String()),
  lastAlertId: Type.String(),
  alerts: Type.Integer(),
  pages: Type.Integer(),
  noiseShare: Nullable(Type.Number()),
  duplicateShare: Nullable(Type.Number()),
  actionableShare: Nullable(Type.Number()),
  unmarked: Type.Integer(),
  selfResolvedWithinMinutes: Type.Integer(),
  score: Type.Number({ description: 'estimated wasted interruptions (see docs)' }),
  suggestion: Type.String(),
  thresholdSuggestion: Nullable(SuggestionJson),
})

export const NoiseReportJson = Type.Object({ from: Type.String(), to: Type.String(), items: Type.Array(NoisyAlarmJson) })
