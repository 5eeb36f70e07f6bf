/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { scaleLinear, scaleUtc } from "d3-scale";
import { line } from "d3-shape";
import type { Source, Timeline } from "@registry/domain";
import { useDates, usePage } from "./ctx.tsx";

/**
 * Charts drawn on the server as SVG (ADR 019): d3-scale and d3-shape do the arithmetic (scales, ticks, paths),
 * React writes the markup. No script: every bar and point is a link to the list it counts, and every chart has
 * its numbers in a table.
 */

/** Splits a label into lines of at most `width` characters at spaces (a longer word gets a line of its own). */
export function wrap(label: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

export interface BarRow {
  label: string;
  count: number;
  /** The list this bar counts. */
  href?: string | undefined;
}

/** Horizontal bars, each with its full label above it, linked to its list; the same numbers in a table. */
export function BarChart({ id, title, rows }: { id: string; title: string; rows: BarRow[] }) {
  const { t } = usePage();
  const width = 480;
  const barH = 16;
  const lineH = 17;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((r) => r.count))])
    .range([0, width - 48]);
  let y = 4;
  const laid = rows.map((r) => {
    const lines = wrap(r.label, 56);
    const top = y;
    y += lines.length * lineH + barH + 10;
    return { r, lines, top };
  });
  const height = y;
  const body = (r: BarRow, lines: string[], top: number) => (
    <>
      <title>{`${r.label}: ${r.count}`}</title>
      <text x={0} y={top + 13} fontSize="14">
        {lines.map((l, i) => (
          <tspan key={i} x={0} dy={i === 0 ? 0 : lineH}>
            {l}
          </tspan>
        ))}
      </text>
      <rect
        x={0}
        y={top + lines.length * lineH}
        width={Math.max(1, x(r.count))}
        height={barH}
        className="bar"
      />
      <text x={Math.max(1, x(r.count)) + 4} y={top + lines.length * lineH + 12.5} fontSize="14">
        {r.count}
      </text>
    </>
  );
  return (
    <section className="chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="chart-grid">
        <svg
          role="group"
          aria-labelledby={`${id}-title`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          className="bars"
        >
          {laid.map(({ r, lines, top }) =>
            r.href ? (
              <a key={r.label} href={r.href}>
                {body(r, lines, top)}
              </a>
            ) : (
              <g key={r.label}>{body(r, lines, top)}</g>
            ),
          )}
        </svg>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("statistics.key")}</th>
              <th scope="col" className="num">
                {t("statistics.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
                <td className="num">{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Political prisoners and other persecuted persons per month (and on each report's day) as two lines; reports
 * are dashed verticals numbered as in the legend below. Each point links to the list "as of" its day.
 */
export function TimeChart({ timeline, sources }: { timeline: Timeline; sources: readonly Source[] }) {
  const { t, href } = usePage();
  const { date } = useDates();
  const id = "over-time";
  const pts = timeline.points;
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  if (pts.length === 0)
    return (
      <section className="chart" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("charts.overTime")}</h2>
        <p>{t("charts.empty")}</p>
      </section>
    );
  const width = 720;
  const height = 340;
  const m = { top: 28, right: 12, bottom: 28, left: 40 };
  const first = pts[0]?.day ?? timeline.asOf;
  const last = pts[pts.length - 1]?.day ?? timeline.asOf;
  const x = scaleUtc()
    .domain([utc(first), utc(last)])
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...pts.map((p) => Math.max(p.politicalPrisoners, p.persecuted)))])
    .nice()
    .range([height - m.bottom, m.top]);
  const series = [
    {
      key: "pp",
      label: t("charts.pp"),
      value: (p: (typeof pts)[number]) => p.politicalPrisoners,
      link: (day: string) => href("/persons", { list: "political-prisoners", asOf: day }),
    },
    {
      key: "persecuted",
      label: t("charts.persecuted"),
      value: (p: (typeof pts)[number]) => p.persecuted,
      link: (day: string) => href("/persons", { list: "persecuted", recorded: 1, asOf: day }),
    },
  ] as const;
  const reportDays = [...new Set(timeline.reports.map((r) => r.day))];
  const reportNo = new Map(reportDays.map((d, i) => [d, i + 1]));
  const path = (value: (p: (typeof pts)[number]) => number) =>
    line<(typeof pts)[number]>()
      .x((p) => x(utc(p.day)))
      .y((p) => y(value(p)))(pts) ?? "";
  return (
    <section className="chart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("charts.overTime")}</h2>
      <p>{t("charts.overTimeIntro")}</p>
      <p className="muted">{t("charts.partial")}</p>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`swatch swatch-${s.key}`} aria-hidden="true" /> {s.label}
          </li>
        ))}
      </ul>
      <div className="scroll-x">
        <svg
          role="group"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          className="time-chart"
        >
          <desc id={`${id}-desc`}>{t("charts.links")}</desc>
          {y.ticks(6).map((v) => (
            <g key={v}>
              <line x1={m.left} x2={width - m.right} y1={y(v)} y2={y(v)} className="grid" />
              <text x={m.left - 4} y={y(v) + 4} textAnchor="end" fontSize="14">
                {v}
              </text>
            </g>
          ))}
          {x.ticks(8).map((d) => (
            <text key={d.toISOString()} x={x(d)} y={height - 8} textAnchor="middle" fontSize="14">
              {d.getUTCFullYear()}
            </text>
          ))}
          {reportDays.map((day) => (
            <g key={day} className="report-mark">
              <title>{`${t("charts.report")} ${reportNo.get(day)}: ${date(day)}`}</title>
              <line x1={x(utc(day))} x2={x(utc(day))} y1={m.top - 4} y2={height - m.bottom} />
              <text x={x(utc(day))} y={m.top - 8} textAnchor="middle" fontSize="13">
                {reportNo.get(day)}
              </text>
            </g>
          ))}
          {series.map((s) => (
            <path key={s.key} d={path(s.value)} className={`line line-${s.key}`} />
          ))}
          {series.map((s) =>
            pts.map((p) => (
              <a key={`${s.key}-${p.day}`} href={s.link(p.day)}>
                <title>{t("charts.point", { series: s.label, date: date(p.day), count: s.value(p) })}</title>
                <circle
                  cx={x(utc(p.day))}
                  cy={y(s.value(p))}
                  r={reportNo.has(p.day) ? 4 : 2.5}
                  className={`dot dot-${s.key}`}
                />
              </a>
            )),
          )}
        </svg>
      </div>
      <ol className="reports">
        {reportDays.map((day) => (
          <li key={day} value={reportNo.get(day)}>
            {date(day)}:{" "}
            {timeline.reports
              .filter((r) => r.day === day)
              .map((r, i) => {
                const s = sourceById.get(r.source);
                return (
                  <span key={r.source}>
                    {i ? "; " : ""}
                    {s ? (
                      <a href={`${href("/sources")}#${s.slug}`}>
                        {s.publisher}, <cite lang={s.language}>{s.title}</cite>
                      </a>
                    ) : (
                      r.source
                    )}{" "}
                    ({date(r.date)})
                  </span>
                );
              })}
          </li>
        ))}
      </ol>
      <details>
        <summary>{t("charts.table")}</summary>
        <table className="timeline-table">
          <thead>
            <tr>
              <th scope="col">{t("charts.day")}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pts.map((p) => (
              <tr key={p.day} id={`day-${p.day}`}>
                <th scope="row">
                  {date(p.day)}
                  {reportNo.has(p.day) ? ` (${t("charts.report")} ${reportNo.get(p.day)})` : ""}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="num">
                    <a href={s.link(p.day)}>{s.value(p)}</a>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
