import { hasRole } from "@registry/domain";
import { createContext, useContext } from "react";

export type Role = "editor" | "reviewer" | "admin";
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
}

export const SessionCtx = createContext<{ user: SessionUser; logout: () => void } | null>(null);

export function useSession() {
  const s = useContext(SessionCtx);
  if (!s) throw new Error("useSession outside the logged-in app");
  return s;
}

/** The API enforces roles; the UI only hides what would be refused. */
export function can(user: SessionUser, min: Role): boolean {
  return hasRole(user.role, min);
}
