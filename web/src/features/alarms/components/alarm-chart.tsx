import { useEffect, useRef } from 'react'
import { formatDay, formatTime, parseInstant, zoneAbbreviation, zoneOffsetMinutes } from '../../../lib/time'
import type { AlarmComparison, AlarmSeries } from '../../../types/api'
import { chartGeometry } from '../utils/chart-geometry'
import { formatValue } from '../utils/describe-alarm'

interface AlarmChartProps {
  readonly series: AlarmSeries
  readonly comparison: AlarmComparison
  readonly metricLabel: string
  /** The viewer's zone, for time labels. */
  readonly zone: string
}

const SIZE = { width: 760, height: 240, left: 56, right: 12, top: 12, bottom: 28 }

/**
 * The values a threshold alarm judged, one per period: the line (broken where data is missing),
 * the threshold (red) and recovery (green) lines, and breaching periods shaded red.
 */
export function AlarmChart({ series, comparison, metricLabel, zone }: AlarmChartProps) {
  const points = series.items.map((p) => ({ at: parseInstant(p.at), value: p.value }))
  const first = points[0]?.at ?? 0
  const g = chartGeometry({ points, periodMs: series.periodSeconds * 1000, comparison, threshold: series.threshold, recoveryThreshold: series.recoveryThreshold }, SIZE, zoneOffsetMinutes(first, zone))
  const withData = points.filter((p) => p.value !== null).length
  const label = `${series.statistic} of ${metricLabel} per period: ${withData} of ${points.length} periods have data, ${g.breachingCount} breach the threshold ${comparison} ${formatValue(series.threshold)}`
  const right = SIZE.width - SIZE.right
  const bottom = SIZE.height - SIZE.bottom
  const dayChanges = new Set(g.xTicks.map((t) => formatDay(t.at, zone))).size > 1
  // On a narrow screen the chart scrolls sideways: start at its right end, the latest periods.
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (ref.current !== null) ref.current.scrollLeft = ref.current.scrollWidth
  }, [points.length])
  return (
    <figure className="alarm-chart" data-testid="alarm-chart">
      <div className="alarm-chart__plot" ref={ref}>
        <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
          <title>{label}</title>
          {g.bands.map((b) => <rect key={b.at} className="alarm-chart__band" x={b.x} y={SIZE.top} width={Math.max(1, b.width)} height={bottom - SIZE.top} />)}
          {g.yTicks.map((t) => (
            <g key={t.value}>
              <line className="alarm-chart__grid" x1={SIZE.left} x2={right} y1={t.y} y2={t.y} />
              <text className="alarm-chart__tick" x={SIZE.left - 6} y={t.y + 4} textAnchor="end">{formatValue(t.value)}</text>
            </g>
          ))}
          {g.xTicks.map((t) => (
            <text key={t.at} className="alarm-chart__tick" x={t.x} y={SIZE.height - 8} textAnchor="middle">
              {dayChanges && formatTime(t.at, zone) === '00:00' ? formatDay(t.at, zone) : formatTime(t.at, zone)}
            </text>
          ))}
          <line className="alarm-chart__axis" x1={SIZE.left} x2={right} y1={bottom} y2={bottom} />
          {g.recoveryY !== null && <line className="alarm-chart__recovery" x1={SIZE.left} x2={right} y1={g.recoveryY} y2={g.recoveryY} />}
          <line className="alarm-chart__threshold" x1={SIZE.left} x2={right} y1={g.thresholdY} y2={g.thresholdY} />
          <path className="alarm-chart__line" d={g.line} />
          {g.dots.map((d) => (
            <circle key={d.at} className={d.breaching ? 'alarm-chart__dot alarm-chart__dot--breaching' : 'alarm-chart__dot'} cx={d.x} cy={d.y} r={points.length > 120 ? 1.5 : 3}>
              <title>{`${formatTime(d.at, zone)} ${zoneAbbreviation(d.at, zone)}: ${formatValue(d.value)}${d.breaching ? ' (breaching)' : ''}`}</title>
            </circle>
          ))}
        </svg>
      </div>
      <figcaption className="alarm-chart__legend">
        <span className="alarm-chart__key alarm-chart__key--line">{series.statistic} per {series.periodSeconds / 60} min</span>
        <span className="alarm-chart__key alarm-chart__key--threshold">threshold {comparison} {formatValue(series.threshold)}</span>
        {series.recoveryThreshold !== null && <span className="alarm-chart__key alarm-chart__key--recovery">recovery {formatValue(series.recoveryThreshold)}</span>}
        <span className="alarm-chart__key alarm-chart__key--band">breaching period ({g.breachingCount})</span>
        {withData === 0 && <span className="muted">No data in this range.</span>}
      </figcaption>
    </figure>
  )
}
