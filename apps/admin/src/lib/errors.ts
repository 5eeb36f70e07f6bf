import { TRPCClientError } from "@trpc/client";
import type { Stored } from "../trpc.ts";

export interface ApiErrorInfo {
  code: string;
  message: string;
  /** Field messages by dotted path ("names.0.text"), from the server's flattened validation error. */
  fields: Record<string, string[]>;
  formErrors: string[];
  /** For CONFLICT: the record as it is stored now. */
  current: Stored<unknown> | null;
}

interface ErrorData {
  code?: string;
  fieldErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null;
  current?: Stored<unknown> | null;
}

/** Reads the contract's error shape: `data.code`, `data.fieldErrors`, `data.current`. */
export function errorInfo(e: unknown): ApiErrorInfo {
  if (e instanceof TRPCClientError) {
    const data = (e.data ?? {}) as ErrorData;
    const fields: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(data.fieldErrors?.fieldErrors ?? {})) {
      // The procedures take { record }, so validation paths may start with "record.".
      if (v) fields[k.replace(/^record\.?/, "") || ""] = v;
    }
    return {
      code: data.code ?? "INTERNAL_SERVER_ERROR",
      message: e.message,
      fields,
      formErrors: data.fieldErrors?.formErrors ?? [],
      current: data.current ?? null,
    };
  }
  return {
    code: "CLIENT",
    message: e instanceof Error ? e.message : String(e),
    fields: {},
    formErrors: [],
    current: null,
  };
}

/** A text field of a submitted form ("" when absent or a file). */
export function formText(fd: FormData, name: string): string {
  const v = fd.get(name);
  return typeof v === "string" ? v : "";
}
