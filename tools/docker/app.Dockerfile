# syntax=docker/dockerfile:1
# The one image recipe for every app, parameterised by the app's name and port:
#   docker build -f tools/docker/app.Dockerfile --build-arg APP=profile --build-arg PORT=4001 -t rekindle/profile .
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: nothing the build or the runtime needs has one (see "allowScripts" in package.json).
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY tools/build ./tools/build
COPY libs ./libs
COPY apps ./apps
ARG APP
RUN test -n "$APP" && npx tsx tools/build/build-app.ts "$APP"

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tools/bench runs the apps with this ENV too, as deployed (ingestion and idle memory).
# A 32 MB young generation (V8's default is 16): a recordEvents call of 1,000 events allocates a few
# MB that live until its statements return, so with 16 MB they were copied, and promoted, more often.
# No --enable-source-maps: it parses and keeps the source map of every dependency that ships one,
# which costs memory at idle. The bundles keep their names and are not minified, so traces stay
# readable, and each bundle's .map is in the image for mapping a trace to the TypeScript.
# What each costs and saves: docs/operations.md, "Node in pods".
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=32
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
ARG APP
ARG PORT
RUN test -n "$APP" && test -n "$PORT"
COPY --from=build /app/dist/apps/${APP} ./dist/apps/${APP}
ENV APP=${APP} \
    PORT=${PORT}
USER node
EXPOSE ${PORT}
# Slim images have no curl: node's own fetch probes the app.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form cannot expand $APP, so a shell resolves the path and `exec` hands PID 1 (and SIGTERM) to node.
CMD ["sh", "-c", "exec node dist/apps/$APP/main.js"]
