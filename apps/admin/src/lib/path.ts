export type Path = readonly (string | number)[];

export function getAt(obj: unknown, path: Path): unknown {
  let cur = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** An immutable update: returns a copy of `obj` with `value` at `path` (undefined removes an object key). */
export function setAt<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(obj)) {
    const copy = [...(obj as unknown[])];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy as T;
  }
  const base = (obj !== null && typeof obj === "object" ? obj : {}) as Record<string, unknown>;
  const next = setAt(base[head as string], rest, value);
  const copy = { ...base };
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy as T;
}

export const pathKey = (path: Path) => path.join(".");

/** JSON with sorted keys and no undefined members, to compare values. */
export function canonical(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
    .join(",")}}`;
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);
