import { useMemo, useState } from "react";
import type { Stored } from "../trpc.ts";
import { useI18n } from "../i18n/index.tsx";
import { fieldLabel } from "../lib/field-label.ts";
import { canonical, sameValue } from "../lib/path.ts";
import { ValueView } from "./value-view.tsx";

type Choice = "mine" | "theirs" | "both";

function union(theirs: unknown[], mine: unknown[]): unknown[] {
  const seen = new Set(theirs.map(canonical));
  return [...theirs, ...mine.filter((x) => !seen.has(canonical(x)))];
}

/**
 * Saving a stale version: every field where my copy and the stored one differ, side by side. The curator picks
 * per field (lists can keep both); the result is saved against the stored version, so nothing is lost.
 */
export function ConflictView({
  base,
  mine,
  theirs,
  busy,
  onSave,
  onCancel,
}: {
  base: unknown;
  mine: unknown;
  theirs: Stored<unknown>;
  busy: boolean;
  onSave: (merged: unknown) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const m = mine as Record<string, unknown>;
  const th = theirs.value as Record<string, unknown>;
  const b = (base ?? {}) as Record<string, unknown>;
  const fields = useMemo(
    () => [...new Set([...Object.keys(m), ...Object.keys(th)])].filter((k) => !sameValue(m[k], th[k])).sort(),
    [m, th],
  );
  const [choice, setChoice] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(fields.map((k) => [k, sameValue(m[k], b[k]) ? "theirs" : "mine"])),
  );

  const merged = () => {
    const out: Record<string, unknown> = { ...th };
    for (const k of fields) {
      const c = choice[k] ?? "mine";
      if (c === "mine") {
        if (m[k] === undefined) delete out[k];
        else out[k] = m[k];
      } else if (c === "both" && Array.isArray(m[k]) && Array.isArray(th[k])) out[k] = union(th[k], m[k]);
    }
    return out;
  };

  return (
    <section className="conflict panel" role="alert" aria-labelledby="conflict-h" data-testid="conflict">
      <h2 id="conflict-h">{t("conflict.title")}</h2>
      <p>{t("conflict.help", { theirs: theirs.meta.version })}</p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">{t("conflict.field")}</th>
            <th scope="col">{t("conflict.mine")}</th>
            <th scope="col">{t("conflict.theirs")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((k) => {
            const c = choice[k] ?? "mine";
            const both = Array.isArray(m[k]) && Array.isArray(th[k]);
            const pick = (v: Choice) => setChoice((x) => ({ ...x, [k]: v }));
            return (
              <tr key={k} data-field={k}>
                <th scope="row">
                  {fieldLabel(k, t)}
                  {both ? (
                    <label className="check-inline">
                      <input
                        type="radio"
                        name={`c-${k}`}
                        checked={c === "both"}
                        onChange={() => pick("both")}
                      />{" "}
                      {t("conflict.both")}
                    </label>
                  ) : null}
                </th>
                <td className={c === "mine" || c === "both" ? "chosen" : ""}>
                  <label className="check-inline">
                    <input
                      type="radio"
                      name={`c-${k}`}
                      value="mine"
                      checked={c === "mine"}
                      onChange={() => pick("mine")}
                      aria-label={`${fieldLabel(k, t)}: ${t("conflict.mine")}`}
                    />{" "}
                    {t("conflict.mine")}
                    {!sameValue(m[k], b[k]) ? <em className="muted"> · {t("conflict.youChanged")}</em> : null}
                  </label>
                  <div className="value mine">
                    <ValueView value={m[k]} />
                  </div>
                </td>
                <td className={c === "theirs" || c === "both" ? "chosen" : ""}>
                  <label className="check-inline">
                    <input
                      type="radio"
                      name={`c-${k}`}
                      value="theirs"
                      checked={c === "theirs"}
                      onChange={() => pick("theirs")}
                      aria-label={`${fieldLabel(k, t)}: ${t("conflict.theirs")}`}
                    />{" "}
                    {t("conflict.theirs")}
                    {!sameValue(th[k], b[k]) ? (
                      <em className="muted"> · {t("conflict.theyChanged")}</em>
                    ) : null}
                  </label>
                  <div className="value theirs">
                    <ValueView value={th[k]} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" disabled={busy} onClick={() => onSave(merged())}>
          {t("conflict.save")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </section>
  );
}
