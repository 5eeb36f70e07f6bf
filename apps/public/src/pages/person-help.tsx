/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { PublicPerson } from "@registry/domain";
import { Cite, L, type Footnotes } from "../components.tsx";
import { useDates, usePage } from "../ctx.tsx";

/**
 * "How to help" on a person page (ADR 020): where the person is held and how to write, each entry with its
 * sources and the day a source last confirmed it. The public projection has already emptied `help` where the
 * person's consent does not allow it; an empty list shows nothing.
 */
export function PersonHelp({ help, notes }: { help: PublicPerson["help"]; notes: Footnotes }) {
  const { t, href, locale } = usePage();
  const { date } = useDates();
  if (help.length === 0) return null;
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  return (
    <section aria-labelledby="how-to-help" className="help">
      <h2 id="how-to-help">{t("help.person.h")}</h2>
      <p>{t("help.person.intro")}</p>
      {help.map((h, i) => (
        <dl className="facts" key={i}>
          <div>
            <dt>{t("help.person.institution")}</dt>
            <dd>
              <L text={h.institution} />
              <Cite citations={h.citations} notes={notes} />
            </dd>
          </div>
          <div>
            <dt>{t("help.person.address")}</dt>
            <dd>{h.address ? <L text={h.address} /> : t("help.person.unknown")}</dd>
          </div>
          {h.mayBeSent ? (
            <div>
              <dt>{t("help.person.mayBeSent")}</dt>
              <dd>
                <L text={h.mayBeSent} />
              </dd>
            </div>
          ) : null}
          {h.letterLanguages?.length ? (
            <div>
              <dt>{t("help.person.languages")}</dt>
              <dd>{h.letterLanguages.map((l) => languages.of(l) ?? l).join(", ")}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("help.person.checkedOn")}</dt>
            <dd>
              <time dateTime={h.checkedOn}>{date(h.checkedOn)}</time>
            </dd>
          </div>
        </dl>
      ))}
      <p className="muted">{t("help.person.caveat")}</p>
      <p>
        <a href={href("/help")}>{t("help.person.general")}</a>
      </p>
    </section>
  );
}
