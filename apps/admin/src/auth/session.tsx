import { createContext, useContext } from "react";

export type Role = "editor" | "reviewer" | "admin";
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { editor: 1, reviewer: 2, admin: 3 };

export const SessionCtx = createContext<{ user: SessionUser; logout: () => void } | null>(null);

export function useSession() {
  const s = useContext(SessionCtx);
  if (!s) throw new Error("useSession outside the logged-in app");
  return s;
}

/** The API enforces roles; the UI only hides what would be refused. */
export function can(user: SessionUser, min: Role): boolean {
  return RANK[user.role] >= RANK[min];
}
