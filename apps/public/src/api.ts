import type { createPublicCaller } from "@registry/api";

/** The only way the public site reaches data: the public tRPC router (in-process caller or HTTP client). */
export type PublicApi = ReturnType<typeof createPublicCaller>;

export function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && e.code === "NOT_FOUND";
}

export function isBadRequest(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && e.code === "BAD_REQUEST";
}
