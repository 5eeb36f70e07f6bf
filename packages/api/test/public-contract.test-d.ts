/**
 * Type-level test (checked by `pnpm --filter @registry/api typecheck`): the real public router is exactly the
 * domain's PUBLIC_API contract, the one `@registry/client` is typed with. A procedure added, removed or given
 * another input or output on either side fails here, so the client and the server cannot drift apart.
 */
import type { PublicApi, PublicProcedure } from "@registry/domain";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AdminRouter, PublicRouter } from "../src/index.ts";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** tRPC writes an optional input as `void | undefined`, the contract as `undefined`. */
type NoVoid<T> = T extends void ? (T extends undefined ? undefined : never) : T;
type Same<A, B> = Equal<NoVoid<A>, NoVoid<B>>;
type Assert<T extends true> = T;

type Inputs = inferRouterInputs<PublicRouter>;
type Outputs = inferRouterOutputs<PublicRouter>;

export type SameProcedures = Assert<Equal<keyof PublicRouter["_def"]["record"], PublicProcedure>>;
/** Each procedure's input and output, compared one by one. */
type Each<T extends Record<PublicProcedure, boolean>> = Equal<T, { [K in PublicProcedure]: true }>;
export type SameInputs = Assert<Each<{ [K in PublicProcedure]: Same<Inputs[K], PublicApi[K]["input"]> }>>;
export type SameOutputs = Assert<Each<{ [K in PublicProcedure]: Same<Outputs[K], PublicApi[K]["output"]> }>>;

// The check can fail: the admin router is not the contract, and one input differs from another's.
// @ts-expect-error the admin router's procedures are not the public ones
export type NotAdmin = Assert<Equal<keyof AdminRouter["_def"]["record"], PublicProcedure>>;
// @ts-expect-error a person's input is not the persons list's
export type NotSwapped = Assert<Same<Inputs["person"], PublicApi["persons"]["input"]>>;
