import { TRPCError } from "@trpc/server";

/** The TRPCError a call fails with (fails the test if it succeeds or fails otherwise). */
export async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(e)}`);
  return e;
}
