/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactElement } from "react";
import { nameIn, SlugSchema, type Locale } from "@registry/domain";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import type { PublicApi } from "./api.ts";
import { translator } from "./i18n.ts";
import { SubmitPage, SubmitSentPage, type SubmitError, type SubmitValues } from "./pages/submit.tsx";

/** A post of the readers' form, as the server's intake checks it (ADR 021). */
export interface SubmissionPost {
  ip: string;
  /** The request's Origin, Sec-Fetch-Site and Host headers: a post from another site is refused. */
  origin: string | undefined;
  fetchSite: string | undefined;
  host: string | undefined;
  language: Locale;
  /** The form's fields; a field sent twice is not a string and makes the post invalid. */
  fields: Record<string, unknown>;
}

export type IntakeResult = { ok: true } | { ok: false; status: 400 | 403 | 429; errors: SubmitError[] };

/**
 * Where readers' submissions go: the server owns the secret the form's token is signed with, the rate limit and
 * the database; the public site only renders and parses the form.
 */
export interface SubmissionIntake {
  /** A fresh signed token for a form. */
  token(): string;
  receive(post: SubmissionPost): Promise<IntakeResult>;
}

/** The longest body a post may have: 5,000 Cyrillic characters are 30 KB once form-encoded. */
const BODY_LIMIT = "64kb";

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The readers' form under `/submit` in each language: never stored (`storable` does not know it), never cached. */
export function mountSubmit(
  router: Router,
  opts: {
    api: PublicApi;
    intake: SubmissionIntake;
    prefixes: readonly string[];
    render: (locale: Locale, path: string, query: Record<string, string>, page: ReactElement) => string;
  },
): void {
  const parse = express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 20 });
  for (const prefix of opts.prefixes) {
    const locale = (prefix.slice(1) || "en") as Locale;
    const send = (res: Response, status: number, page: ReactElement, path = "/submit", person?: string) => {
      res.status(status).setHeader("Cache-Control", "no-store");
      res.type("html").send(opts.render(locale, path, person ? { person } : {}, page));
    };
    /** The person a correction is about, by the slug of their public page; unknown slugs are ignored. */
    const personOf = async (slug: unknown) => {
      const s = SlugSchema.safeParse(slug);
      if (!s.success) return undefined;
      try {
        const d = await opts.api.person({ slug: s.data });
        const name =
          d.person.visibility === "anonymous"
            ? translator(locale)("person.nameWithheld")
            : nameIn(d.person, locale).text;
        return { slug: d.person.slug, name };
      } catch {
        return undefined;
      }
    };
    const form = async (
      res: Response,
      status: number,
      slug: unknown,
      values: SubmitValues,
      errors: SubmitError[],
    ) => {
      const person = await personOf(slug);
      send(
        res,
        status,
        <SubmitPage token={opts.intake.token()} person={person} values={values} errors={errors} />,
        "/submit",
        person?.slug,
      );
    };

    router.get(`${prefix}/submit`, async (req, res, next) => {
      try {
        await form(res, 200, req.query.person, {}, []);
      } catch (e) {
        next(e);
      }
    });
    router.get(`${prefix}/submit/sent`, (_req, res) => send(res, 200, <SubmitSentPage />, "/submit/sent"));
    router.post(
      `${prefix}/submit`,
      (req: Request, res: Response, next: NextFunction) =>
        parse(req, res, (err?: unknown) => {
          if (!err) return next();
          const status = (err as { status?: number }).status ?? 400;
          void form(res, status === 413 ? 413 : 400, undefined, {}, ["tooLarge"]).catch(next);
        }),
      async (req: Request, res: Response, next: NextFunction) => {
        try {
          const fields = (req.body ?? {}) as Record<string, unknown>;
          const result = await opts.intake.receive({
            ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
            origin: req.headers.origin,
            fetchSite: str(req.headers["sec-fetch-site"]),
            host: req.headers.host,
            language: locale,
            fields,
          });
          if (result.ok) {
            res.setHeader("Cache-Control", "no-store");
            return void res.redirect(303, `${prefix}/submit/sent`);
          }
          const values: SubmitValues = {
            ...(str(fields.kind) !== undefined ? { kind: str(fields.kind) } : {}),
            ...(str(fields.text) !== undefined ? { text: str(fields.text) } : {}),
            ...(str(fields.source) !== undefined ? { source: str(fields.source) } : {}),
            ...(str(fields.contact) !== undefined ? { contact: str(fields.contact) } : {}),
            consent: fields.consent === "yes",
          };
          await form(res, result.status, fields.person, values, result.errors);
        } catch (e) {
          next(e);
        }
      },
    );
  }
}
