/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { usePage, useDates } from "./ctx.tsx";

/** BibTeX's special characters escaped (braces kept balanced, so a name cannot end a field early). */
export function bibtexEscape(s: string): string {
  return s.replace(/[\\{}%&$#_^~]/g, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "^" || c === "~" ? `\\${c}{}` : `\\${c}`,
  );
}

/**
 * "Cite this record": a permanent link to the person's status as of the day shown, the data version, and the
 * reference as APA-like text, BibTeX and CSL-JSON, in a `<details>` block (plain text: copied without script).
 */
export function CiteRecord({
  name,
  slug,
  day,
  version,
}: {
  name: string;
  slug: string;
  /** The day the page shows the status for. */
  day: string;
  version: number;
}) {
  const { t, href, base, locale, today } = usePage();
  const { date } = useDates();
  const site = t("site.title");
  const path = href(`/persons/${slug}`, { asOf: day });
  const url = `${base ?? ""}${path}`;
  const title = t("cite.title", { name, site });
  const [y, m, d] = day.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  const apa = t("cite.apaText", { site, date: date(day), title, version, url });
  const bibtex = [
    `@misc{registry-${slug}-v${version},`,
    `  author = {{${bibtexEscape(site)}}},`,
    `  title = {${bibtexEscape(title)}},`,
    `  year = {${y}},`,
    `  howpublished = {\\url{${url}}},`,
    `  note = {${bibtexEscape(t("cite.note", { version, date: day }))}},`,
    `  urldate = {${today}},`,
    `  language = {${locale}}`,
    `}`,
  ].join("\n");
  // Two-space JSON with each date's parts on one line.
  const csl = JSON.stringify(
    [
      {
        id: `registry-${slug}-v${version}`,
        type: "dataset",
        title,
        author: [{ literal: site }],
        issued: { "date-parts": [[y, m, d]] },
        accessed: { "date-parts": [[ty, tm, td]] },
        version: String(version),
        URL: url,
        language: locale,
      },
    ],
    null,
    2,
  ).replace(/\[\s+\[\s+(\d+),\s+(\d+),\s+(\d+)\s+\]\s+\]/g, "[[$1, $2, $3]]");
  return (
    <details className="cite-record" id="cite">
      <summary>{t("cite.summary")}</summary>
      <p>{t("cite.intro", { date: date(day), version })}</p>
      <p>
        {t("cite.permalink")}: <a href={path}>{url}</a>
      </p>
      <h3>{t("cite.apa")}</h3>
      <blockquote className="citation">
        <p>{apa}</p>
      </blockquote>
      <h3>{t("cite.bibtex")}</h3>
      <pre>
        <code>{bibtex}</code>
      </pre>
      <h3>{t("cite.csl")}</h3>
      <pre>
        <code>{csl}</code>
      </pre>
    </details>
  );
}
