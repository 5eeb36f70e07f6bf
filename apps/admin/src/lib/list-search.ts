import { PUBLICATION_STATES } from "@registry/domain";
import { z } from "zod";

/** A list's filters, in the address: a bad value is dropped, not an error. */
export const ListSearchSchema = z.object({
  state: z.enum(PUBLICATION_STATES).optional().catch(undefined),
  deleted: z.boolean().optional().catch(undefined),
  missing: z.enum(["ru", "kk"]).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});
export type ListSearch = z.infer<typeof ListSearchSchema>;
