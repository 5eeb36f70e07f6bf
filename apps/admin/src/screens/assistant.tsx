import { SourceSchema, slugify } from "@registry/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { FormProvider } from "../components/form.tsx";
import { RefLabel } from "../components/pickers.tsx";
import { ErrorNote, Loading, Notice } from "../components/ui.tsx";
import { useI18n } from "../i18n/index.tsx";
import {
  acceptedOf,
  errorsByProposal,
  lineMap,
  primaryIndex,
  type AcceptInput,
  type AcceptResult,
  type Choice,
  type Proposed,
} from "../lib/assistant.ts";
import { newId } from "../lib/ids.ts";
import { issuesOf, type Issues } from "../lib/issues.ts";
import { KIND_INFO, kindOfName } from "../lib/kinds.ts";
import { setAt, type Path } from "../lib/path.ts";
import { afterWrite } from "../lib/records.ts";
import { trpc } from "../trpc.ts";
import { ProposalDetail } from "./assistant-proposal.tsx";
import { NewSourceFields } from "./assistant-source.tsx";

/** A new source's fields: the server makes its working copy from the pasted text. */
const NewSourceSchema = SourceSchema.omit({ copy: true });

type ProposeFrom = { sourceId: string } | { text: string; source: Record<string, unknown> };

const FACT_KINDS = ["detention", "charge", "measure", "sentence", "release"] as const;
const factKind = (k: string) => FACT_KINDS.find((f) => f === k);
const WRITTEN_KINDS = ["person", "case", "event", "source"] as const;
const writtenKind = (k: string) => WRITTEN_KINDS.find((w) => w === k);

/**
 * The report-import assistant (issue 19, ADR 017): a source with a working copy, or a pasted report named as a
 * new source; the proposals one at a time with their source lines, accepted (edited) or rejected; then drafts.
 * The curator's choices stay in this screen's state whatever the server answers.
 */
export function AssistantScreen() {
  const { t, e } = useI18n();
  const [mode, setMode] = useState<"existing" | "paste">("existing");
  const [sourceId, setSourceId] = useState("");
  const [text, setText] = useState("");
  const [source, setSource] = useState<Record<string, unknown>>(() => ({
    id: newId("s"),
    kind: "ngo-report",
    language: "en",
    notes: [],
  }));
  const [issues, setIssues] = useState<Issues>({});
  const [proposed, setProposed] = useState<(Proposed & { text?: string; input: ProposeFrom }) | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [focus, setFocus] = useState(0);
  const [sent, setSent] = useState<string[]>([]);

  const sources = useQuery(trpc.admin.sources.list.queryOptions({ limit: 500 }));
  const withCopy = (sources.data?.items ?? []).filter((s) => s.value.copy && !s.meta.deletedAt);
  const propose = useMutation(trpc.admin.assistant.propose.mutationOptions());
  const accept = useMutation(
    trpc.admin.assistant.accept.mutationOptions({
      onSuccess: async () => {
        await Promise.all((["persons", "cases", "events", "sources"] as const).map((k) => afterWrite(k)));
      },
    }),
  );

  const setSourceField = (path: Path, v: unknown) =>
    setSource((s) => {
      let next = setAt(s, path, v);
      // The slug follows the title until the curator writes one.
      if (
        path[0] === "title" &&
        (s.slug === undefined || s.slug === slugify(typeof s.title === "string" ? s.title : ""))
      )
        next = setAt(next, ["slug"], typeof v === "string" ? slugify(v) : undefined);
      return next;
    });

  const run = async () => {
    let input: ProposeFrom;
    if (mode === "existing") {
      if (!sourceId) return;
      input = { sourceId };
    } else {
      const parsed = NewSourceSchema.safeParse(source);
      const textMissing = text.trim() === "";
      setIssues({
        ...(parsed.success ? {} : issuesOf(parsed.error)),
        ...(textMissing ? { text: [t("assistant.textRequired")] } : {}),
      });
      if (!parsed.success || textMissing) return;
      input = { text, source: parsed.data };
    }
    const r = await propose.mutateAsync(
      "sourceId" in input ? { sourceId: input.sourceId } : { text: input.text },
    );
    setProposed({ ...r, input, ...("text" in input ? { text: input.text } : {}) });
    setChoices(Object.fromEntries(r.proposals.map((p) => [p.key, { status: "open", value: acceptedOf(p) }])));
    setFocus(0);
    accept.reset();
  };

  const map = useMemo(
    () => (proposed ? lineMap(proposed.proposals, proposed.text) : new Map<number, string>()),
    [proposed],
  );
  const list = proposed?.proposals ?? [];
  const acceptedKeys = list.filter((p) => choices[p.key]?.status === "accepted").map((p) => p.key);
  const decided = list.filter((p) => choices[p.key]?.status !== "open").length;
  const { byKey, rest } = errorsByProposal(accept.error, sent);

  const decide = (key: string, status: Choice["status"]) => {
    setChoices((c) => ({ ...c, [key]: { ...(c[key] as Choice), status } }));
    if (status === "open") return;
    // On to the next proposal still open.
    const i = list.findIndex((p) => p.key === key);
    const next = list.findIndex((p, j) => j > i && choices[p.key]?.status === "open");
    if (next >= 0) setFocus(next);
  };

  const createDrafts = () => {
    if (!proposed || acceptedKeys.length === 0) return;
    const proposals = acceptedKeys.map((k) => (choices[k] as Choice).value);
    setSent(acceptedKeys);
    const input: AcceptInput =
      "sourceId" in proposed.input
        ? { sourceId: proposed.input.sourceId, proposals }
        : {
            source: NewSourceSchema.parse(proposed.input.source),
            text: proposed.input.text,
            proposals,
          };
    accept.mutate(input);
  };

  const focused = list[focus];
  const result = accept.data;

  return (
    <section className="assistant">
      <h1>{t("assistant.title")}</h1>
      <p>{t("assistant.help")}</p>

      <section aria-labelledby="as-step1">
        <h2 id="as-step1">{t("assistant.step1")}</h2>
        <fieldset className="choice">
          <legend>{t("assistant.from")}</legend>
          {(["existing", "paste"] as const).map((m) => (
            <div className="field check" key={m}>
              <input
                id={`as-mode-${m}`}
                type="radio"
                name="as-mode"
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <label htmlFor={`as-mode-${m}`}>
                {t(m === "existing" ? "assistant.fromExisting" : "assistant.fromPaste")}
              </label>
            </div>
          ))}
        </fieldset>
        {mode === "existing" ? (
          <div className="field">
            <label htmlFor="as-source">{t("assistant.source")}</label>
            {sources.isPending ? <Loading /> : null}
            <select id="as-source" value={sourceId} onChange={(ev) => setSourceId(ev.target.value)}>
              <option value="">—</option>
              {withCopy.map((s) => (
                <option key={s.value.id} value={s.value.id}>
                  {s.value.title} · {s.value.publisher} ({s.value.published}, {e(s.value.kind)})
                </option>
              ))}
            </select>
            <ErrorNote error={sources.error} />
          </div>
        ) : (
          <FormProvider form={{ value: source, set: setSourceField, issues }}>
            <NewSourceFields text={text} onText={setText} textErrors={issues.text ?? []} />
          </FormProvider>
        )}
        <div className="buttons">
          <button
            type="button"
            disabled={propose.isPending || (mode === "existing" && !sourceId)}
            onClick={() => void run().catch(() => undefined)}
          >
            {propose.isPending ? t("assistant.reading") : t("assistant.propose")}
          </button>
        </div>
        <ErrorNote error={propose.error} />
      </section>

      {proposed ? (
        <section aria-labelledby="as-step2">
          <h2 id="as-step2">{t("assistant.step2")}</h2>
          <p className="muted" data-testid="proposal-count">
            {t("assistant.summary", { n: list.length, lines: proposed.lineCount, decided })}
          </p>
          {list.length === 0 ? <Notice kind="warning">{t("assistant.nothing")}</Notice> : null}
          <div className="proposals">
            <nav aria-label={t("assistant.proposals")}>
              <ol className="proposal-list">
                {list.map((p, i) => {
                  const c = choices[p.key];
                  const v = c?.value;
                  return (
                    <li key={p.key} className={`choice-${c?.status ?? "open"}`}>
                      <button
                        type="button"
                        className="link"
                        aria-current={i === focus ? "true" : undefined}
                        onClick={() => setFocus(i)}
                      >
                        {v ? (v.names[primaryIndex(v)]?.text ?? p.key) : p.key}
                      </button>{" "}
                      <span className="muted">
                        {t(p.match ? "assistant.addition" : "assistant.new")} ·{" "}
                        {t(`assistant.status.${c?.status ?? "open"}`)}
                        {byKey[p.key] ? ` · ${t("assistant.hasError")}` : ""}
                      </span>
                    </li>
                  );
                })}
              </ol>
            </nav>
            {focused && choices[focused.key] ? (
              <ProposalDetail
                key={focused.key}
                proposal={focused}
                index={focus}
                choice={choices[focused.key] as Choice}
                errors={byKey[focused.key] ?? []}
                map={map}
                onChange={(value) =>
                  setChoices((c) => ({ ...c, [focused.key]: { ...(c[focused.key] as Choice), value } }))
                }
                onDecide={(s) => decide(focused.key, s)}
              />
            ) : null}
          </div>
        </section>
      ) : null}

      {proposed && list.length ? (
        <section aria-labelledby="as-step3">
          <h2 id="as-step3">{t("assistant.step3")}</h2>
          <div className="buttons">
            <button
              type="button"
              disabled={acceptedKeys.length === 0 || accept.isPending}
              onClick={createDrafts}
            >
              {t("assistant.create", { n: acceptedKeys.length })}
            </button>
          </div>
          {accept.error ? (
            Object.keys(byKey).length && !rest ? (
              <div className="notice error" role="alert">
                <p>{t("assistant.fixProposals", { n: Object.keys(byKey).length })}</p>
              </div>
            ) : (
              <ErrorNote error={accept.error} />
            )
          ) : null}
          {result ? <AcceptOutcome result={result} /> : null}
        </section>
      ) : null}
    </section>
  );
}

/** What the server wrote: drafts (links), revisions waiting for review, and the facts it handed back. */
function AcceptOutcome({ result }: { result: AcceptResult }) {
  const { t, m } = useI18n();
  return (
    <div data-testid="assistant-result">
      <Notice kind="success">
        {t("assistant.done", { n: result.written.length })}{" "}
        <Link to="/$kind" params={{ kind: "persons" }} search={{ state: "draft" }}>
          {t("assistant.seeDrafts")}
        </Link>
      </Notice>
      <ul className="written">
        {result.written.map((w) => {
          const kind = kindOfName(w.kind);
          return (
            <li key={`${w.kind}-${w.id}`} data-result={w.result}>
              {writtenKind(w.kind) ? t(`assistant.kind.${writtenKind(w.kind) ?? "person"}`) : w.kind} ·{" "}
              {kind ? (
                <Link to="/$kind/$id" params={{ kind: KIND_INFO[kind].route, id: w.id }}>
                  {kind === "recognitions" ? w.id : <RefLabel kind={kind} id={w.id} />}
                </Link>
              ) : (
                w.id
              )}{" "}
              · {w.revision ? t("assistant.revision") : t("assistant.draft")}
              {w.revision ? (
                <>
                  {" "}
                  · <Link to="/revisions">{t("nav.revisions")}</Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {result.skipped.length ? (
        <>
          <h3>{t("assistant.skipped")}</h3>
          <ul className="skipped">
            {result.skipped.map((s, i) => (
              <li key={i}>
                {s.person} ·{" "}
                {factKind(s.fact) ? t(`assistant.fact.${factKind(s.fact) ?? "detention"}`) : s.fact} ·{" "}
                {t("assistant.lines", { from: s.lines[0], to: s.lines[1] })}: {m(s.reason)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
