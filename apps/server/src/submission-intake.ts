import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Limiters } from "@registry/api";
import { receiveSubmission, type Database } from "@registry/db";
import { SubmissionInputSchema } from "@registry/domain";
import type { IntakeResult, SubmissionIntake, SubmissionPost, SubmitError } from "@registry/public";

/** How long a form's token is good for: long enough to write a careful message. */
export const TOKEN_TTL_MS = 3 * 60 * 60 * 1000;

/**
 * The server's side of the readers' form (ADR 021). A post is accepted only
 * 1. from this site: an `Origin` of another host, or a `Sec-Fetch-Site` other than same-origin, is refused (a
 *    same-origin form post under `Referrer-Policy: no-referrer` carries `Origin: null`, which is allowed);
 * 2. with a token this server signed (HMAC-SHA-256 with a key derived from its secret key) in the last three hours,
 *    once: the token's nonce is stored with the submission, and a second post of the same form stores nothing;
 * 3. within the rate limit of its address (counted in the database, before anything is stored);
 * 4. with the honeypot empty: a filled one is answered as a success and nothing is stored;
 * 5. valid by the domain's schema (`receiveSubmission` validates and audits).
 */
export function createSubmissionIntake(opts: {
  database: Database;
  secretKey: Buffer;
  limits: Limiters;
  now?: () => number;
}): SubmissionIntake {
  const key = createHmac("sha256", opts.secretKey).update("registry/submission-form-token").digest();
  const now = opts.now ?? Date.now;
  const sign = (payload: string) => createHmac("sha256", key).update(payload).digest("base64url");
  /** The token's nonce when this server signed it in the last three hours. */
  const valid = (token: unknown): string | null => {
    if (typeof token !== "string" || token.length > 200) return null;
    const [issued, nonce, mac] = token.split(".");
    if (!issued || !nonce || !mac || !/^\d{1,15}$/.test(issued)) return null;
    const expected = Buffer.from(sign(`${issued}.${nonce}`));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const age = now() - Number(issued);
    return age >= 0 && age <= TOKEN_TTL_MS ? nonce : null;
  };
  const sameSite = (p: SubmissionPost): boolean => {
    if (p.fetchSite !== undefined && p.fetchSite !== "same-origin") return false;
    if (p.origin === undefined || p.origin === "null") return true;
    try {
      return new URL(p.origin).host === p.host;
    } catch {
      return false;
    }
  };
  const refuse = (status: 400 | 403 | 429, ...errors: SubmitError[]): IntakeResult => ({
    ok: false,
    status,
    errors,
  });
  return {
    token: () => {
      const payload = `${now()}.${randomBytes(12).toString("base64url")}`;
      return `${payload}.${sign(payload)}`;
    },
    receive: async (p) => {
      if (!sameSite(p)) return refuse(403, "origin");
      const nonce = valid(p.fields.token);
      if (!nonce) return refuse(403, "token");
      if ((await opts.limits.submit.take(opts.database.db, p.ip)) > 0) return refuse(429, "rate");
      const f = p.fields;
      if (f.website !== undefined && f.website !== "") return { ok: true };
      const input = {
        kind: f.kind,
        personSlug: f.person,
        text: f.text,
        source: f.source,
        contact: f.contact,
        language: p.language,
      };
      // Every problem at once: the domain's schema for the fields, and the consent.
      const errors: SubmitError[] = [];
      const checked = SubmissionInputSchema.safeParse(input);
      if (!checked.success) {
        const fields = new Set(checked.error.issues.map((i) => String(i.path[0])));
        for (const field of ["text", "source", "contact"] as const) if (fields.has(field)) errors.push(field);
        if (errors.length === 0) errors.push("invalid");
      }
      if (f.consent !== "yes") errors.push("consent");
      if (errors.length) return refuse(400, ...errors);
      // A form is received once: posted again (a double click, a replay) it is answered the same, stores nothing.
      await receiveSubmission(opts.database.db, input, undefined, nonce);
      return { ok: true };
    },
  };
}
