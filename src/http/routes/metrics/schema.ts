import { Type } from 'typebox'
import { METRIC_LIMITS } from '../../../domain/alarms/index.js'
import { Rfc3339 } from '../common.js'

export const DatapointBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: METRIC_LIMITS.nameLength, description: 'metric name, e.g. http_request_duration_ms' }),
    labels: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: METRIC_LIMITS.labelValueLength }), { description: 'label names to values; stored in canonical (sorted) order' })),
    value: Type.Number(),
    timestamp: Type.Optional({ ...Rfc3339, description: 'RFC 3339 with offset; default: when Tend receives it' }),
  },
  { additionalProperties: false },
)

export const MetricsBody = Type.Object(
  { datapoints: Type.Array(DatapointBody, { maxItems: METRIC_LIMITS.perRequest, description: `at most ${METRIC_LIMITS.perRequest} per request; all stored or none` }) },
  { additionalProperties: false },
)

export const MetricsAccepted = Type.Object({ accepted: Type.Integer({ description: 'datapoints stored' }) })

export const MetricsQuery = Type.Object({
  name: Type.String({ minLength: 1, maxLength: METRIC_LIMITS.nameLength }),
  labels: Type.Optional(Type.String({ description: 'exact label matches, "name=value,name=value"' })),
  from: Type.Optional(Rfc3339),
  to: Type.Optional(Rfc3339),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
})

export const MetricPointJson = Type.Object({ name: Type.String(), labels: Type.Record(Type.String(), Type.String()), value: Type.Number(), at: Type.String() })
