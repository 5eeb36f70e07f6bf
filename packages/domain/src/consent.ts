import { z } from "zod";

/**
 * How the registry may name the person: from a public source, with their consent, against their refusal, or not
 * known. Private: whether someone agreed or refused to be named is itself sensitive (and a refusal points at the
 * person), so it lives with the private fields and never reaches the public.
 */
export const ConsentSchema = z.enum(["public-source", "consent-given", "consent-refused", "unknown"]);
export type Consent = z.infer<typeof ConsentSchema>;
