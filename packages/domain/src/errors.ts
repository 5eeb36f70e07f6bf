/** Failures the domain names; the API maps each code to a transport error in one place. */
export type DomainErrorCode =
  "NOT_FOUND" | "CONFLICT" | "VALIDATION" | "FORBIDDEN" | "UNAUTHORIZED" | "INVALID_TRANSITION";

export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Record<string, string[] | undefined>;
}

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { current?: unknown; fields?: FieldErrors } = {},
  ) {
    super(message);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
