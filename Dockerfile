# The one image of the demo network: every service of docker-compose.yml runs from it.
#
#   docker build -t clets-sim:demo .      (docker compose build does the same)
#
# Two stages. `build` holds the toolchain (better-sqlite3 compiles from source), every
# dependency and the TypeScript compiler, and compiles the runtime packages. The final stage
# receives only what runs: the compiled dist/ of protocol, routing, data-files, switch,
# backends and terminal, the console's built page (served by the switch at /console/), their
# production dependencies, and the fixture data; it runs as the
# unprivileged `node` user, and writes only to /data.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@10.34.9
ENV CI=true
WORKDIR /src

# Manifests and the lockfile before any source, so a change to the code reuses the install
# layer below (and its two-minute better-sqlite3 compile). The root `prepare` script compiles
# the sources, which are not here yet: the install runs without it.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY packages/protocol/package.json packages/protocol/
COPY packages/routing/package.json packages/routing/
COPY packages/data-files/package.json packages/data-files/
COPY packages/openapi/package.json packages/openapi/
COPY packages/fixtures/package.json packages/fixtures/
COPY packages/switch/package.json packages/switch/
COPY packages/backends/package.json packages/backends/
COPY packages/terminal/package.json packages/terminal/
COPY packages/launcher/package.json packages/launcher/
COPY packages/conformance/package.json packages/conformance/
COPY packages/e2e/package.json packages/e2e/
COPY bench/package.json bench/
COPY packages/console/package.json packages/console/
RUN npm pkg delete scripts.prepare && pnpm install --frozen-lockfile

# The sources (.dockerignore keeps out tests, tools and everything that does not run), then
# the runtime packages compiled with their project references.
COPY . .
RUN pnpm exec tsc -b packages/switch packages/backends packages/terminal \
 && node packages/console/build.mjs --force

# The production closure, assembled in /app in the repository's own layout (so the data-files
# package finds fixtures/ where it does in a checkout): the compiled packages, and a
# production-only install of the three deployables' dependencies from the store filled
# above (better-sqlite3 comes from pnpm's cache of its build, not compiled again).
RUN mkdir -p /app \
 && cp -a package.json pnpm-lock.yaml pnpm-workspace.yaml fixtures /app/ \
 && mkdir -p /app/packages/console/dist && cp -a packages/console/dist/page /app/packages/console/dist/ \
 && for manifest in packages/*/package.json bench/package.json; do install -D -m 0644 "$manifest" "/app/$manifest"; done \
 && for package in protocol routing data-files openapi switch backends terminal; do cp -a "packages/$package/dist" "/app/packages/$package/"; done \
 && cp -a packages/protocol/generated /app/packages/protocol/ \
 && for package in switch backends terminal; do cp -a "packages/$package/bin" "/app/packages/$package/"; done \
 && cd /app \
 && npm pkg delete scripts \
 && pnpm install --frozen-lockfile --prod --offline --filter @clets/switch --filter @clets/backends --filter @clets/terminal \
 && rm -rf packages/e2e bench pnpm-lock.yaml pnpm-workspace.yaml \
 && find packages -name '*.d.ts' -o -name '*.d.ts.map' -o -name '.tsbuildinfo' | xargs rm -f \
 # Type declarations, TypeScript sources, source maps and documents of the dependencies are
 # never loaded at run time.
 && find node_modules/.pnpm -type f \( -name '*.ts' -o -name '*.cts' -o -name '*.mts' -o -name '*.map' -o -name '*.md' \) -delete \
 # better-sqlite3 needs its compiled addon and lib/ only, not the SQLite sources or objects.
 && sqlite=$(echo node_modules/.pnpm/better-sqlite3@*/node_modules/better-sqlite3) \
 && find "$sqlite/build" -mindepth 1 -maxdepth 1 ! -name Release -exec rm -rf {} + \
 && find "$sqlite/build/Release" -mindepth 1 -maxdepth 1 ! -name better_sqlite3.node -exec rm -rf {} + \
 && rm -rf "$sqlite/deps" "$sqlite/src"

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
# The commands on the PATH (each a small file that loads its package's dist/); databases in
# /data, the one place the services write (a volume per service in docker-compose.yml).
RUN for bin in /app/packages/*/bin/*.js; do ln -s "$bin" "/usr/local/bin/$(basename "$bin" .js)"; done \
 && mkdir -p /data \
 && chown node:node /data
USER node
CMD ["clets-switch", "--help"]
