# One image for the whole workspace: every service of docker-compose.yml runs from it.
FROM node:20-bookworm-slim
# better-sqlite3 compiles from source.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
RUN npm install -g pnpm@10.34.9
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
# Databases live here (a volume per service in docker-compose.yml).
RUN mkdir -p /data
ENV NODE_ENV=production
