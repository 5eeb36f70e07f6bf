/** A new stable id: a kind prefix and 8 random hex characters (p-3fa9c210). */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${prefix}-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}
