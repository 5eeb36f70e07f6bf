import type { Server } from "node:http";
import { createPublicSite, type PublicSiteOptions } from "@registry/public";
import express from "express";

/** The public site alone (no admin, no server app) on a free local port: its base URL and how to stop it. */
export async function listenPublicSite(
  opts: PublicSiteOptions,
): Promise<{ base: string; close: () => Promise<void> }> {
  const app = express();
  app.use(createPublicSite(opts));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const addr = server.address();
  return {
    base: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
