function inline(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }`.replace(
    "{  }",
    "{}",
  );
}

/** JSON indented by structure, but with short arrays and objects kept on one line ("lines": [881, 883]). */
export function prettyJson(value: unknown, indent = "", width = 100): string {
  const flat = inline(value);
  if (value === null || typeof value !== "object" || flat.length + indent.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return `[\n${value.map((v) => inner + prettyJson(v, inner, width)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner, width)}`).join(",\n")}\n${indent}}`;
}
