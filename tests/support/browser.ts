import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * A real Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the headless build shipped in the
 * @sparticuz/chromium npm package (so the test run needs no system package).
 */
export async function launchBrowser(): Promise<Browser> {
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
  const system =
    process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  if (system) return chromium.launch({ executablePath: system, args });
  const { default: sparticuz } = await import("@sparticuz/chromium");
  // Its default flags are for serverless use (single process, web security off); keep ours.
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: [...args, "--no-zygote"],
  });
}
