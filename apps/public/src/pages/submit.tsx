/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { SUBMISSION_CONTACT_MAX, SUBMISSION_SOURCE_MAX, SUBMISSION_TEXT_MAX } from "@registry/domain";
import { Layout } from "../components.tsx";
import { usePage } from "../ctx.tsx";

/** What went wrong with a post: one message for the form, or one per field. */
export type SubmitError =
  "token" | "origin" | "rate" | "tooLarge" | "invalid" | "text" | "source" | "contact" | "consent";

export interface SubmitValues {
  kind?: string;
  person?: string;
  text?: string;
  source?: string;
  contact?: string;
  consent?: boolean;
}

const MAX: Partial<Record<SubmitError, number>> = {
  tooLarge: SUBMISSION_TEXT_MAX,
  text: SUBMISSION_TEXT_MAX,
  source: SUBMISSION_SOURCE_MAX,
  contact: SUBMISSION_CONTACT_MAX,
};

/**
 * The readers' form (ADR 021): a plain HTML form posted to the server, without JavaScript. `token` is the signed,
 * expiring token the server checks; `website` is a field no person fills (hidden from sight and from assistive
 * technology). A correction names the person it is about.
 */
export function SubmitPage({
  token,
  person,
  values = {},
  errors = [],
}: {
  token: string;
  person?: { slug: string; name: string } | undefined;
  values?: SubmitValues;
  errors?: SubmitError[];
}) {
  const { t, href } = usePage();
  const title = person ? t("submit.titleFor", { name: person.name }) : t("submit.title");
  const kind = person ? "correction" : values.kind === "new-case" ? "new-case" : "correction";
  const has = (e: SubmitError) => errors.includes(e);
  const message = (e: SubmitError) => t(`submit.errors.${e}`, { max: MAX[e] ?? 0 });
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p>{t("submit.intro")}</p>
      {errors.length > 0 ? (
        <div className="form-errors" role="alert" id="form-errors">
          <h2>{t("submit.errors.heading")}</h2>
          <ul>
            {errors.map((e) => (
              <li key={e}>{message(e)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={href("/submit")} className="submit-form">
        <input type="hidden" name="token" value={token} />
        {person ? (
          <>
            <input type="hidden" name="kind" value="correction" />
            <input type="hidden" name="person" value={person.slug} />
            <p>
              {t("submit.about")}: <a href={href(`/persons/${person.slug}`)}>{person.name}</a>
            </p>
          </>
        ) : (
          <fieldset>
            <legend>{t("submit.kind")}</legend>
            <label className="choice">
              <input type="radio" name="kind" value="correction" defaultChecked={kind === "correction"} />{" "}
              {t("submit.kindCorrection")}
            </label>
            <label className="choice">
              <input type="radio" name="kind" value="new-case" defaultChecked={kind === "new-case"} />{" "}
              {t("submit.kindNewCase")}
            </label>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="s-text">{t("submit.text")}</label>
          <span className="muted" id="s-text-hint">
            {t("submit.textHint", { max: SUBMISSION_TEXT_MAX })}
          </span>
          <textarea
            id="s-text"
            name="text"
            rows={10}
            required
            maxLength={SUBMISSION_TEXT_MAX}
            aria-describedby="s-text-hint"
            aria-invalid={has("text") || has("tooLarge") ? true : undefined}
            defaultValue={values.text ?? ""}
          />
        </div>
        <HintedInput
          name="source"
          label={t("submit.source")}
          hint={t("submit.sourceHint")}
          maxLength={SUBMISSION_SOURCE_MAX}
          invalid={has("source")}
          value={values.source}
        />
        <HintedInput
          name="contact"
          label={t("submit.contact")}
          hint={t("submit.contactHint")}
          maxLength={SUBMISSION_CONTACT_MAX}
          invalid={has("contact")}
          value={values.contact}
          autoComplete="off"
        />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="s-website">{t("submit.honeypot")}</label>
          <input id="s-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <label className="choice">
          <input
            type="checkbox"
            name="consent"
            value="yes"
            required
            defaultChecked={values.consent ?? false}
            aria-invalid={has("consent") ? true : undefined}
          />{" "}
          {t("submit.consent")}
        </label>
        <p>
          <button type="submit">{t("submit.send")}</button>
        </p>
      </form>
    </Layout>
  );
}

/** After a post: what happens next. Holds nothing of what was sent. */
export function SubmitSentPage() {
  const { t, href } = usePage();
  return (
    <Layout title={t("submit.sent.title")}>
      <h1>{t("submit.sent.title")}</h1>
      <p>{t("submit.sent.p1")}</p>
      <p>{t("submit.sent.p2")}</p>
      <p>{t("submit.sent.p3")}</p>
      <p>
        <a href={href("/")}>{t("submit.sent.back")}</a>
      </p>
    </Layout>
  );
}

/** A one-line field with its label and a hint that describes it (the form's source and contact). */
function HintedInput(props: {
  name: string;
  label: string;
  hint: string;
  maxLength: number;
  invalid: boolean;
  value: string | undefined;
  autoComplete?: string;
}) {
  const id = `s-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <span className="muted" id={`${id}-hint`}>
        {props.hint}
      </span>
      <input
        id={id}
        name={props.name}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete}
        aria-describedby={`${id}-hint`}
        aria-invalid={props.invalid ? true : undefined}
        defaultValue={props.value ?? ""}
      />
    </div>
  );
}
