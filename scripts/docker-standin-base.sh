#!/usr/bin/env bash
# Builds a local stand-in for the image's base, tagged node:20-bookworm-slim, on a machine
# that has a Docker engine and a Debian mirror but no image registry: Debian bookworm from
# debootstrap (minbase, trimmed as the slim images are) plus this machine's own node binary,
# npm and corepack, and a `node` user with uid 1000 as in the official image. With it,
# `docker build` and `docker compose build` run offline exactly as they do on the real base.
#
# Node's C headers come along (as in the official image, under /usr/local/include/node) and
# npm_config_nodedir points node-gyp at them: offline, it cannot download them to compile
# better-sqlite3. The real node:20-bookworm-slim is about 200 MB; the stand-in's size is
# printed at the end, so an image built on it can be compared (the image's own layers are
# what this repository adds).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/docker-standin-base.sh [--tag TAG] [--mirror URL] [--ca-file PEM]

Builds a stand-in for node:20-bookworm-slim from debootstrap and this machine's node, and
loads it into the local Docker engine. Needs root, debootstrap and a running dockerd
(apt-get install -y docker.io debootstrap; dockerd --bridge=none --iptables=false &).

  --tag TAG     the tag to give it (default node:20-bookworm-slim)
  --mirror URL  the Debian mirror (default http://deb.debian.org/debian)
  --ca-file PEM also trust this certificate authority (node and npm in the stand-in), for a
                machine whose way to the npm registry passes a TLS-intercepting proxy
  -h, --help    this text
EOF
}

tag=node:20-bookworm-slim
mirror=http://deb.debian.org/debian
ca_file=
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag="${2:?--tag needs a value}"; shift 2 ;;
    --mirror) mirror="${2:?--mirror needs a value}"; shift 2 ;;
    --ca-file) ca_file="${2:?--ca-file needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "docker-standin-base: unknown argument '$1'" >&2; echo >&2; usage >&2; exit 2 ;;
  esac
done

for tool in debootstrap docker node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "docker-standin-base: $tool is not installed" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "docker-standin-base: debootstrap needs root" >&2; exit 1; }
[ -z "$ca_file" ] || [ -r "$ca_file" ] || { echo "docker-standin-base: cannot read $ca_file" >&2; exit 1; }

node_bin=$(readlink -f "$(command -v node)")
node_modules=$(dirname "$(dirname "$node_bin")")/lib/node_modules
[ -d "$node_modules/npm" ] || node_modules=/usr/local/lib/node_modules
root=$(mktemp -d /tmp/clets-standin-XXXXXX)
trap 'rm -rf "$root"' EXIT

echo "debootstrap bookworm (minbase) from $mirror ..."
debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null

# What the slim images leave out: documentation, manuals, locales, package lists and caches.
rm -rf "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
  "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/log/*
find "$root"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2>/dev/null || true

# Node where the official image has it: /usr/local/bin, npm and corepack beside it.
install -D -m 0755 "$node_bin" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules"
for module in npm corepack; do
  [ -d "$node_modules/$module" ] && cp -a "$node_modules/$module" "$root/usr/local/lib/node_modules/"
done
headers=$(dirname "$(dirname "$node_bin")")/include/node
header_env=()
if [ -f "$headers/node_api.h" ]; then
  mkdir -p "$root/usr/local/include"
  cp -a "$headers" "$root/usr/local/include/node"
  header_env=(--change 'ENV npm_config_nodedir=/usr/local')
else
  echo "docker-standin-base: no node headers beside $node_bin: node-gyp will try to download them" >&2
fi
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
[ -d "$root/usr/local/lib/node_modules/corepack" ] && ln -sf ../lib/node_modules/corepack/dist/corepack.js "$root/usr/local/bin/corepack"

# The official image's unprivileged user.
chroot "$root" groupadd --gid 1000 node
chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
chroot "$root" /usr/local/bin/node --version >/dev/null

ca_env=()
if [ -n "$ca_file" ]; then
  install -D -m 0644 "$ca_file" "$root/usr/local/share/ca-certificates/standin-extra-ca.crt"
  ca_env=(--change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/standin-extra-ca.crt')
fi

version=$("$node_bin" --version)
tar -C "$root" -c . | docker import "${ca_env[@]}" "${header_env[@]}" \
  --change "ENV NODE_VERSION=${version#v}" \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' \
  - "$tag" >/dev/null
echo "built $tag: node $version on Debian bookworm, $(docker image inspect "$tag" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}')"
