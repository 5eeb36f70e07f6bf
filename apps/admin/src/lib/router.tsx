import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** The app lives under the server's /admin/ (Vite `base`); routes are paths below it. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, "");

function current(): { path: string; query: URLSearchParams } {
  const p = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  return { path: p === "" ? "/" : p, query: new URLSearchParams(location.search) };
}

const listeners = new Set<() => void>();
window.addEventListener("popstate", () => listeners.forEach((l) => l()));

/** Asked before leaving a screen with unsaved changes: false stays. */
let guard: (() => boolean) | null = null;
export function setNavigationGuard(g: (() => boolean) | null): void {
  guard = g;
}

export function navigate(to: string, opts: { replace?: boolean; force?: boolean } = {}): void {
  if (!opts.force && guard && !guard()) return;
  guard = null;
  const url = BASE + to;
  if (opts.replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export function useLocation() {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const l = () => setLoc(current());
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return loc;
}

export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={BASE + to} onClick={onClick} {...rest} />;
}

/** Matches "/persons/:id" against "/persons/p-1" → { id: "p-1" }. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split("/");
  const b = path.replace(/\/$/, "").split("/");
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const p = a[i] ?? "";
    const v = b[i] ?? "";
    if (p.startsWith(":")) params[p.slice(1)] = decodeURIComponent(v);
    else if (p !== v) return null;
  }
  return params;
}
