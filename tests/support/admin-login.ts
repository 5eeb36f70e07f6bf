import jsQR from "jsqr";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generate } from "otplib";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { ROOT } from "./server.ts";

/** The password the browser tests give every curator they create. */
export const CURATOR_PASSWORD = "correct horse battery staple";

/** `pnpm test` builds the admin app first (turbo: tests depend on @registry/admin); a bare vitest run may not have. */
export function ensureAdminBuilt(): void {
  if (!existsSync(join(ROOT, "apps/admin/dist/index.html")))
    execFileSync("pnpm", ["--silent", "--filter", "@registry/admin", "build"], { cwd: ROOT, stdio: "pipe" });
}

/** The first admin, created with the server's CLI as an operator does, in the given data directory. */
export function createFirstAdmin(
  dataDir: string,
  email = "admin@example.org",
  password = CURATOR_PASSWORD,
): void {
  execFileSync(
    "pnpm",
    ["--silent", "--filter", "@registry/server", "admin:create", "--email", email, "--name", "Admin"],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: password }, stdio: "pipe" },
  );
}

export interface LoginOptions {
  /** The server's origin, e.g. `http://127.0.0.1:1234`. */
  url: string;
  email: string;
  password?: string;
  /** Called on the enrolment screen and on the recovery codes (for screenshots). */
  onStep?: (step: "enrol" | "recovery-codes") => Promise<unknown>;
}

/**
 * A curator's first login in the browser: password, then TOTP enrolment. The secret is read from the page and
 * checked against the QR code a phone would scan; the code is computed from it; the recovery codes are shown.
 * Ends on the dashboard (the main navigation is there).
 */
export async function logInAndEnrol(page: Page, opts: LoginOptions): Promise<void> {
  await page.goto(`${opts.url}/admin/`);
  await page.getByLabel("E-mail").fill(opts.email);
  await page.getByLabel("Password").fill(opts.password ?? CURATOR_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  const secretEl = page.getByTestId("totp-secret");
  await secretEl.waitFor();
  const secret = (await secretEl.textContent())?.replace(/\s/g, "") ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  // The QR code a phone would scan holds the same secret.
  const pixels = await page.getByTestId("totp-qr").evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 400;
    const g = canvas.getContext("2d") as CanvasRenderingContext2D;
    g.fillStyle = "#fff";
    g.fillRect(0, 0, 400, 400);
    g.drawImage(img, 0, 0, 400, 400);
    return Array.from(g.getImageData(0, 0, 400, 400).data);
  });
  const qr = jsQR(Uint8ClampedArray.from(pixels), 400, 400);
  expect(qr?.data).toMatch(new RegExp(`^otpauth://totp/.*[?&]secret=${secret}(&|$)`));
  await opts.onStep?.("enrol");
  await page.getByLabel("Code").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm" }).click();
  const codes = page.getByTestId("recovery-codes");
  await codes.waitFor();
  expect(await codes.locator("li").count()).toBeGreaterThanOrEqual(8);
  await opts.onStep?.("recovery-codes");
  await page.getByRole("button", { name: "I have stored them, continue" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}
