# syntax=docker/dockerfile:1
# One image for every process of cobranza: the command selects which one runs, e.g.
#   node services/gateway/dist/main.js           (HTTP 3000, the default below)
#   node services/clients/dist/main.js           (3001; billing 3002, documents 3003, notifications 3004)
#   node workflows/dist/main.js                  (the Temporal worker, 3005)
#   node services/<service>/dist/migrate.js up   (migrations of one service's schema)

FROM node:22-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY proto/package.json proto/
COPY packages/platform/package.json packages/platform/
COPY packages/recurrence/package.json packages/recurrence/
COPY packages/contact-rules/package.json packages/contact-rules/
COPY services/clients/package.json services/clients/
COPY services/billing/package.json services/billing/
COPY services/documents/package.json services/documents/
COPY services/notifications/package.json services/notifications/
COPY services/gateway/package.json services/gateway/
COPY workflows/package.json workflows/
RUN npm ci --no-audit --no-fund
COPY . .
# Build once for all workspaces, then drop the build- and test-only dependencies.
RUN npx tsc -b tsconfig.build.json \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
# Chromium renders the PDFs of the documents service. It is installed in the one shared image to
# keep a single build; the cost is a much larger image (a few hundred MB) for the processes that
# never use it. A separate documents image is the way out if that size matters.
# fonts-liberation: Chromium's recommended fonts, skipped by --no-install-recommends; without
# any font the PDFs would have no legible text. tini: PID 1 that reaps Chromium's child processes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
# Owned by root and only readable by the runtime user: the processes never write to /app.
COPY --from=build /app /app
USER node
EXPOSE 3000 3001 3002 3003 3004 3005
# The command (Docker CMD, Kubernetes `args`) selects the process; tini stays in front of it.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "services/gateway/dist/main.js"]
