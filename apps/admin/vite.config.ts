import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Served by the server at /admin/ under `script-src 'self'; style-src 'self'`: no inline script or style in
// the output (Vite's modulepreload polyfill is inline-free; CSS is emitted as files).
export default defineConfig({
  base: "/admin/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { "/trpc": process.env.REGISTRY_URL ?? "http://127.0.0.1:3000" },
  },
});
