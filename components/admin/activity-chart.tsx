import type { DayActivity } from "@/lib/users/overview";

const SERIES = [
  { key: "created", label: "Created", className: "fill-green-500" },
  { key: "deactivated", label: "Deactivated", className: "fill-red-500" },
  { key: "reactivated", label: "Reactivated", className: "fill-blue-500" },
] as const;

/** Stacked bars per day, drawn on the server as SVG, with the same numbers in a table for screen readers. */
export function ActivityChart({ days }: { days: DayActivity[] }) {
  const max = Math.max(1, ...days.map((d) => d.created + d.deactivated + d.reactivated));
  const width = 600;
  const height = 160;
  const bar = width / days.length;
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="w-full" role="img" aria-label="Provisioning activity per day, last 30 days">
        {days.map((d, i) => {
          let y = height;
          return (
            <g key={d.day}>
              {SERIES.map((s) => {
                const h = (d[s.key] / max) * height;
                y -= h;
                return h > 0 ? <rect key={s.key} x={i * bar + 2} y={y} width={bar - 4} height={h} className={s.className}><title>{`${d.day}: ${d[s.key]} ${s.label.toLowerCase()}`}</title></rect> : null;
              })}
              {i % 7 === 0 && <text x={i * bar + bar / 2} y={height + 14} textAnchor="middle" className="fill-zinc-500 text-[10px]">{d.day.slice(5)}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex gap-4 text-xs text-zinc-600 dark:text-zinc-400">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1">
            <svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" className={s.className} /></svg>
            {s.label}
          </span>
        ))}
      </figcaption>
      <table className="sr-only">
        <caption>Provisioning activity per day</caption>
        <thead><tr><th scope="col">Day</th>{SERIES.map((s) => <th key={s.key} scope="col">{s.label}</th>)}</tr></thead>
        <tbody>{days.filter((d) => d.created + d.deactivated + d.reactivated > 0).map((d) => <tr key={d.day}><th scope="row">{d.day}</th>{SERIES.map((s) => <td key={s.key}>{d[s.key]}</td>)}</tr>)}</tbody>
      </table>
    </figure>
  );
}
