# The registry's server with PostgreSQL (compose.yaml) or PGlite in the DATA_DIR volume. ADR 016.
# Build stage: the whole workspace, `pnpm build` (the server bundle, the admin app), then `pnpm server:deploy`
# (dist/ and the server's production dependencies only, in /out). Runtime stage: /out alone, as user `node`.

FROM node:20-slim AS build
# pnpm through npm, at the version package.json names (corepack cannot verify signatures here, ADR 001).
RUN npm install -g pnpm@10.34.9
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm build --filter=@registry/server
RUN pnpm server:deploy /out

FROM node:20-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /out/package.json ./package.json
COPY --from=build --chown=node:node /out/node_modules ./node_modules
COPY --from=build --chown=node:node /out/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# 200 once the public pages are rendered (at most PRERENDER_SECONDS after the start); the first start seeds too.
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/main.js"]
