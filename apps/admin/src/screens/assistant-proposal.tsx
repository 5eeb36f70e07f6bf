import { PartialDateSchema } from "@registry/domain";
import { Link } from "@tanstack/react-router";
import { useI18n } from "../i18n/index.tsx";
import {
  factDate,
  linesOf,
  primaryIndex,
  withDate,
  type Accepted,
  type Choice,
  type Fact,
  type Proposal,
} from "../lib/assistant.ts";

/** The cited lines of the source, each with its number. */
function SourceLines({ lines, map }: { lines: readonly [number, number]; map: Map<number, string> }) {
  const { t } = useI18n();
  return (
    <figure className="cited-lines">
      <figcaption className="muted">
        {lines[0] === lines[1]
          ? t("assistant.line", { n: lines[0] })
          : t("assistant.lines", { from: lines[0], to: lines[1] })}
      </figcaption>
      <ol>
        {linesOf(map, lines).map((l) => (
          <li key={l.n} value={l.n}>
            {l.text}
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** One fact: what the rules read, the editable date (and article, part for a charge), and its lines. */
function FactItem({
  fact,
  id,
  map,
  onChange,
  onDrop,
}: {
  fact: Fact;
  id: string;
  map: Map<number, string>;
  onChange: (f: Fact) => void;
  onDrop: () => void;
}) {
  const { t, e } = useI18n();
  const date = factDate(fact);
  const dateOk = !date || PartialDateSchema.safeParse(date.date).success;
  const what =
    fact.kind === "charge"
      ? `${e(fact.code)} · ${t("case.article")} ${fact.article}${fact.part ? `, ${t("case.part")} ${fact.part}` : ""}`
      : fact.kind === "measure"
        ? e(fact.measure)
        : fact.kind === "sentence"
          ? [
              e(fact.sentence),
              fact.termMonths ? t("assistant.months", { n: fact.termMonths }) : "",
              fact.days ? t("assistant.days", { n: fact.days }) : "",
              fact.hours ? t("assistant.hours", { n: fact.hours }) : "",
            ]
              .filter(Boolean)
              .join(" · ")
          : "";
  const place = "place" in fact ? fact.place : undefined;
  return (
    <li className="fact" data-fact={fact.kind}>
      <div className="fact-body">
        <p>
          <strong>{t(`assistant.fact.${fact.kind}`)}</strong>
          {what ? ` · ${what}` : null}
          {place ? ` · ${t("case.place")}: ${place}` : null}
        </p>
        <div className="grid">
          <div className={`field date${dateOk ? "" : " invalid"}`}>
            <label htmlFor={`${id}-date`}>{t("edit.date")}</label>
            <input
              id={`${id}-date`}
              type="text"
              value={date?.date ?? ""}
              placeholder={t("edit.datePlaceholder")}
              onChange={(ev) => onChange(withDate(fact, ev.target.value))}
              {...(dateOk ? {} : { "aria-invalid": true, "aria-describedby": `${id}-date-err` })}
            />
            {date?.approx || date?.qualifier ? (
              <small className="hint">
                {[
                  date.approx ? t("assistant.approx") : "",
                  date.qualifier ? t(`assistant.q.${date.qualifier}`) : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </small>
            ) : null}
            {!date ? <small className="hint">{t("assistant.undated")}</small> : null}
            {dateOk ? null : (
              <ul className="field-errors" id={`${id}-date-err`}>
                <li>{t("assistant.badDate")}</li>
              </ul>
            )}
          </div>
          {fact.kind === "charge" ? (
            <>
              <div className="field">
                <label htmlFor={`${id}-article`}>{t("case.article")}</label>
                <input
                  id={`${id}-article`}
                  type="text"
                  value={fact.article}
                  onChange={(ev) => onChange({ ...fact, article: ev.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-part`}>{t("case.part")}</label>
                <input
                  id={`${id}-part`}
                  type="text"
                  value={fact.part ?? ""}
                  onChange={(ev) => {
                    const { part: _, ...rest } = fact;
                    onChange(ev.target.value ? { ...rest, part: ev.target.value } : rest);
                  }}
                />
              </div>
            </>
          ) : null}
        </div>
        <button type="button" className="link danger" onClick={onDrop}>
          {t("assistant.dropFact")}
        </button>
      </div>
      <SourceLines lines={fact.lines} map={map} />
    </li>
  );
}

/** The focused proposal: who (a new person or an addition to a known one), the names and facts, and the choice. */
export function ProposalDetail({
  proposal,
  index,
  choice,
  errors,
  map,
  onChange,
  onDecide,
}: {
  proposal: Proposal;
  index: number;
  choice: Choice;
  errors: readonly string[];
  map: Map<number, string>;
  onChange: (v: Accepted) => void;
  onDecide: (s: Choice["status"]) => void;
}) {
  const { t, m } = useI18n();
  const v = choice.value;
  const primary = primaryIndex(v);
  const id = `pr-${index}`;
  const facts = v.facts ?? [];
  return (
    <article className="proposal" aria-labelledby={`${id}-h`} data-testid="proposal">
      <h2 id={`${id}-h`}>{v.names[primary]?.text ?? proposal.key}</h2>
      <p>
        {proposal.match ? (
          <>
            <span className="badge">{t("assistant.addition")}</span>{" "}
            <Link to="/$kind/$id" params={{ kind: "persons", id: proposal.match.id }}>
              {proposal.match.name}
            </Link>
          </>
        ) : (
          <span className="badge">{t("assistant.new")}</span>
        )}{" "}
        <span className={`badge choice-${choice.status}`}>{t(`assistant.status.${choice.status}`)}</span>
      </p>
      {errors.length ? (
        <div className="notice error" role="alert" data-testid="proposal-error">
          {errors.map((x, i) => (
            <p key={i}>{m(x)}</p>
          ))}
        </div>
      ) : null}
      <h3>{t("assistant.names")}</h3>
      <ul className="names">
        {v.names.map((n, i) => (
          <li key={i}>
            {i === primary ? (
              <div className="field">
                <label htmlFor={`${id}-primary`}>{t("assistant.primaryName")}</label>
                <input
                  id={`${id}-primary`}
                  type="text"
                  value={n.text}
                  onChange={(ev) =>
                    onChange({
                      ...v,
                      names: v.names.map((x, j) => (j === i ? { ...x, text: ev.target.value } : x)),
                    })
                  }
                />
              </div>
            ) : (
              <span>{n.text}</span>
            )}{" "}
            <span className="muted">
              {n.lines
                .map((l) =>
                  l[0] === l[1]
                    ? t("assistant.line", { n: l[0] })
                    : t("assistant.lines", { from: l[0], to: l[1] }),
                )
                .join(", ")}
            </span>
          </li>
        ))}
      </ul>
      {proposal.match ? null : (
        <div className="field check">
          <input
            id={`${id}-namesake`}
            type="checkbox"
            checked={v.namesake === true}
            onChange={(ev) => {
              const { namesake: _, ...rest } = v;
              onChange(ev.target.checked ? { ...rest, namesake: true } : rest);
            }}
          />
          <label htmlFor={`${id}-namesake`}>{t("assistant.namesake")}</label>
        </div>
      )}
      <h3>{t("assistant.facts")}</h3>
      {facts.length ? (
        <ul className="proposed-facts">
          {facts.map((f, i) => (
            <FactItem
              key={`${f.kind}-${f.lines[0]}-${i}`}
              fact={f}
              id={`${id}-f${i}`}
              map={map}
              onChange={(nf) => onChange({ ...v, facts: facts.map((x, j) => (j === i ? nf : x)) })}
              onDrop={() => onChange({ ...v, facts: facts.filter((_, j) => j !== i) })}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">{t("assistant.noFacts")}</p>
      )}
      <details>
        <summary>{t("assistant.mentions", { n: proposal.cited.length })}</summary>
        {proposal.cited.map((c) => (
          <SourceLines key={c.lines.join("-")} lines={c.lines} map={map} />
        ))}
      </details>
      <div className="buttons sticky-choice">
        <button type="button" onClick={() => onDecide("accepted")}>
          {t("assistant.accept")}
        </button>
        <button type="button" className="secondary" onClick={() => onDecide("rejected")}>
          {t("assistant.reject")}
        </button>
        {choice.status !== "open" ? (
          <button type="button" className="link" onClick={() => onDecide("open")}>
            {t("assistant.undecide")}
          </button>
        ) : null}
      </div>
    </article>
  );
}
