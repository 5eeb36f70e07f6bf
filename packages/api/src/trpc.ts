import { hasRole, isDomainError, type DomainErrorCode } from "@registry/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { z } from "zod";
import type { Context, Role } from "./context.ts";

const CODE: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  VALIDATION: "BAD_REQUEST",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  INVALID_TRANSITION: "PRECONDITION_FAILED",
};

/**
 * Zod issues as { "names.0.text": ["Required"] }: full dotted paths, without the `record.` wrapper of the admin
 * inputs, so a form can put each message next to its field.
 */
function fieldErrorsOf(e: z.ZodError) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of e.issues) {
    const path = issue.path.map(String);
    if (path[0] === "record") path.shift();
    const key = path.join(".");
    if (key) (fieldErrors[key] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  return { formErrors, fieldErrors };
}

// The meta says where a public procedure answers as REST under /api/v1 (ADR 015).
const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof z.ZodError
          ? fieldErrorsOf(cause)
          : isDomainError(cause)
            ? (cause.details.fields ?? null)
            : null;
      const current =
        isDomainError(cause) && cause.code === "CONFLICT" ? (cause.details.current ?? null) : null;
      // Unexpected failures get a generic message: no stack, no SQL, no record contents.
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        message: internal ? "Internal error" : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors,
          current,
        },
      };
    },
  });

/** The one place where domain errors become transport errors. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

function requireRole(min: Role) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in first" });
    if (!hasRole(ctx.user.role, min))
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${min} role` });
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);
export const editorProcedure = publicProcedure.use(requireRole("editor"));
export const reviewerProcedure = publicProcedure.use(requireRole("reviewer"));
export const adminProcedure = publicProcedure.use(requireRole("admin"));
