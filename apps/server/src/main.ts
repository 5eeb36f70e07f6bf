import express from "express";
import { loadEnv } from "./env.ts";

const env = loadEnv();
const app = express();
app.get("/healthz", (_req, res) => {
  res.json({ ok: true });
});
app.get("/", (_req, res) => {
  res.type("html").send("<!doctype html><title>Persecution Registry</title><h1>Persecution Registry</h1><p>The registry is being built.</p>");
});
app.listen(env.PORT, env.HOST, () => {
  console.log(`Persecution Registry listening on http://${env.HOST}:${env.PORT}/`);
});
