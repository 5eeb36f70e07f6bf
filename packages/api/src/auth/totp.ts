import { generateSecret, generateURI, verify } from "otplib";

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, email: string) =>
  generateURI({ issuer: "Persecution Registry", label: email, secret });

/**
 * Accepts the current code and the previous one ([-1, 0]), each only once: a code of a time step at or before
 * the last one accepted is refused.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
): Promise<{ ok: true; step: number } | { ok: false }> {
  if (!/^\d{6}$/.test(code)) return { ok: false };
  try {
    const r: { valid: boolean; epoch?: number; timeStep?: number } = await verify({
      secret,
      token: code,
      epochTolerance: [30, 0],
      ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    });
    // The time step is the period start in seconds divided by the 30-second period (RFC 6238).
    const step = r.timeStep ?? (r.epoch !== undefined ? Math.floor(r.epoch / 30) : undefined);
    return r.valid && step !== undefined ? { ok: true, step } : { ok: false };
  } catch {
    return { ok: false };
  }
}
