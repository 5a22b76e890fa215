# syntax=docker/dockerfile:1
# intentbot as a container: `docker build -t intentbot .`, then see docs/deploy.md.

# Build stage: the compiler and lib/ only; nothing of it but lib/ reaches the image.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies (no TypeScript, no dev tooling), the compiled app, run as the unprivileged `node` user.
FROM node:22-bookworm-slim
# Production: JSON logs, and no set-up page; the server listens on 0.0.0.0 unless HOST says otherwise.
ENV NODE_ENV=production
# The journal of deliveries without Redis (docs/operations.md): mount a volume here so a restart finds it.
ENV INTENTBOT_DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: lib/ comes from the build stage, so `prepare` (which would need the compiler) has nothing to do here.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY bin ./bin
COPY app.yml ./
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME /app/data
USER node
EXPOSE 3000
# /health answers once the app runs with its credentials (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly, not npm: one process that receives SIGTERM from `docker stop`.
CMD ["node", "lib/server.js"]
