import { Text } from "@medusajs/ui"
import { useState } from "react"

/**
 * Small SVG charts over a report's series (no chart library: the admin bundle
 * may only use what the dashboard already ships). Values are decimal strings or
 * counts; they are turned into numbers here only to place points on screen.
 */
export type ChartSeries = { key: string; label: string; color: string; values: (string | number)[] }

const W = 640
const H = 200
const PAD = { top: 12, right: 8, bottom: 24, left: 8 }

const toNumber = (v: string | number) => (typeof v === "number" ? v : Number(v))

export const Chart = ({
  type,
  labels,
  series,
  format,
  testId,
}: {
  type: "line" | "bar"
  labels: string[]
  series: ChartSeries[]
  format: (value: string | number, series: ChartSeries) => string
  testId?: string
}) => {
  const [hover, setHover] = useState<number | null>(null)
  const max = Math.max(1, ...series.flatMap((s) => s.values.map(toNumber)))
  const n = Math.max(labels.length, 1)
  const innerW = W - PAD.left - PAD.right
  const innerH = H - PAD.top - PAD.bottom
  const slot = innerW / n
  const x = (i: number) => PAD.left + slot * i + slot / 2
  const y = (v: string | number) => PAD.top + innerH - (toNumber(v) / max) * innerH
  const every = Math.ceil(n / 8)
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-48 w-full" role="img" onMouseLeave={() => setHover(null)}>
        {[0, 0.5, 1].map((f) => (
          <line
            key={f}
            x1={PAD.left}
            x2={W - PAD.right}
            y1={PAD.top + innerH * f}
            y2={PAD.top + innerH * f}
            className="stroke-ui-border-base"
            strokeDasharray={f === 1 ? undefined : "3 3"}
          />
        ))}
        {type === "bar"
          ? series.map((s, si) =>
              s.values.map((v, i) => {
                const bw = (slot * 0.7) / series.length
                return (
                  <rect
                    key={`${s.key}-${i}`}
                    x={x(i) - (slot * 0.7) / 2 + bw * si}
                    y={y(v)}
                    width={Math.max(bw - 1, 1)}
                    height={Math.max(PAD.top + innerH - y(v), 0)}
                    fill={s.color}
                    rx={1.5}
                  />
                )
              })
            )
          : series.map((s) => (
              <polyline
                key={s.key}
                fill="none"
                stroke={s.color}
                strokeWidth={2}
                strokeLinejoin="round"
                points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
              />
            ))}
        {labels.map((l, i) => (
          <g key={l}>
            <rect
              x={PAD.left + slot * i}
              y={PAD.top}
              width={slot}
              height={innerH}
              fill="transparent"
              onMouseEnter={() => setHover(i)}
            />
            {i % every === 0 && (
              <text x={x(i)} y={H - 6} textAnchor="middle" className="fill-ui-fg-muted" fontSize={10}>
                {l}
              </text>
            )}
          </g>
        ))}
        {hover !== null && (
          <line x1={x(hover)} x2={x(hover)} y1={PAD.top} y2={PAD.top + innerH} className="stroke-ui-border-strong" />
        )}
      </svg>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {series.map((s) => (
          <div key={s.key} className="flex items-center gap-x-1.5">
            <span className="inline-block size-2 rounded-full" style={{ background: s.color }} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {s.label}
              {hover !== null && `: ${format(s.values[hover] ?? 0, s)}`}
            </Text>
          </div>
        ))}
        {hover !== null && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {labels[hover]}
          </Text>
        )}
      </div>
    </div>
  )
}
