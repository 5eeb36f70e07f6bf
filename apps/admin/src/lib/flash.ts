/** A message that survives one navigation (e.g. "Created" after /persons/new becomes /persons/p-…). */
let pending: string | null = null;
export const setFlash = (m: string) => {
  pending = m;
};
export const takeFlash = () => {
  const m = pending;
  pending = null;
  return m;
};
