import { useI18n } from "../i18n/index.tsx";

/** A record value in words: dates as dates, citations as "source, lines a–b", lists as lists. */
export function ValueView({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === undefined || value === null || value === "")
    return <span className="muted">{t("none")}</span>;
  if (typeof value === "boolean") return <>{value ? t("yes") : t("no")}</>;
  if (typeof value === "string" || typeof value === "number") return <>{value}</>;
  if (typeof value !== "object") return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">{t("none")}</span>;
    const items = value as unknown[];
    if (items.every((v) => typeof v === "string" || typeof v === "number")) return <>{items.join(", ")}</>;
    return (
      <ol className="value-list">
        {items.map((v, i) => (
          <li key={i}>
            <ValueView value={v} />
          </li>
        ))}
      </ol>
    );
  }
  const o = value as Record<string, unknown>;
  if (typeof o.source === "string" && ("lines" in o || "locator" in o) && Object.keys(o).length <= 4) {
    const lines = Array.isArray(o.lines) ? (o.lines as number[]) : null;
    return (
      <span className="cite">
        {o.source}
        {lines ? `, ${lines[0] === lines[1] ? `l. ${lines[0]}` : `ll. ${lines[0]}–${lines[1]}`}` : ""}
        {typeof o.locator === "string" ? `, ${o.locator}` : ""}
      </span>
    );
  }
  if (typeof o.date === "string" && Object.keys(o).every((k) => ["date", "end", "approx"].includes(k))) {
    return (
      <>
        {o.approx ? "≈ " : ""}
        {o.date}
        {typeof o.end === "string" ? ` – ${o.end}` : ""}
      </>
    );
  }
  return (
    <dl className="value-obj">
      {Object.entries(o)
        .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <ValueView value={v} />
            </dd>
          </div>
        ))}
    </dl>
  );
}
