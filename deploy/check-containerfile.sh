#!/usr/bin/env bash
# Builds deploy/Containerfile and starts the image as a web, on a machine with no container registry and no Docker
# daemon: this development machine reaches the Debian mirror and the npm registry but no registry of images, so the
# FROM images (node:20-bookworm, node:20-bookworm-slim) are made here instead of pulled: a debootstrap'd bookworm with
# this machine's Node 20 in /usr/local and a `node` user (uid 1000), as the official images have; the build one adds
# python3, make, g++, git and Node's headers (sqlite3 compiles: its prebuilt binary comes from GitHub, unreachable here).
# Then `buildah bud` from a clean clone of the committed HEAD, `npm run migrate:dist` in the image, the image's command
# (`npm run web:dist`) against this machine's PostgreSQL and Redis on loopback, /readyz and /admin/login must answer 200.
# Everything it made goes at the end: the databases, the Redis keys under its prefix, the containers, the images.
# Run as root (buildah, vfs storage, chroot isolation); about 13 minutes. `npm test` does not run it.
#   deploy/check-containerfile.sh            # MIRROR=http://… PGHOST=… REDIS_HOST=… KEEP_IMAGES=1 to change the defaults
set -euo pipefail

MIRROR=${MIRROR:-http://deb.debian.org/debian}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
KEEP_IMAGES=${KEEP_IMAGES:-0}
B=(buildah --storage-driver vfs)
REPO=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
WORK=$(mktemp -d /tmp/jxcg-ctr.XXXXXX)
RUN_ID=$(date +%s)$RANDOM
DB=ctr_$RUN_ID
PREFIX=ctr-$RUN_ID
T0=$(date +%s)
say() { echo "[$(($(date +%s) - T0))s] $*"; }

[ "$(id -u)" = 0 ] || { echo 'run as root (buildah with vfs storage, debootstrap)' >&2; exit 2; }
command -v buildah >/dev/null || { echo 'buildah is missing: apt-get install -y buildah' >&2; exit 2; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null

NODE_BIN=$(readlink -f "$(command -v node)")
NODE_PREFIX=$(dirname "$(dirname "$NODE_BIN")")
NPM_DIR=$NODE_PREFIX/lib/node_modules/npm
[ -d "$NPM_DIR" ] || NPM_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
NODE_HEADERS=$NODE_PREFIX/include/node
[ "$("$NODE_BIN" -p 'process.versions.node.split(".")[0]')" = 20 ] || { echo "node here is not 20: $NODE_BIN" >&2; exit 2; }
[ -f "$NODE_HEADERS/node.h" ] || { echo "no Node headers at $NODE_HEADERS (needed to compile sqlite3)" >&2; exit 2; }

WEB_PID=
CONTAINERS=()
IMAGES=()
cleanup() {
  set +e
  if [ -n "$WEB_PID" ] && kill -0 "$WEB_PID" 2>/dev/null; then stop_web; fi
  psql -h "$PGHOST" -U "$PGUSER" -qc "drop database if exists $DB" -c "drop database if exists ${DB}_middle" postgres
  redis-cli -h "$REDIS_HOST" --scan --pattern "$PREFIX*" | xargs -r redis-cli -h "$REDIS_HOST" del >/dev/null
  for c in "${CONTAINERS[@]}"; do "${B[@]}" rm "$c" >/dev/null; done
  if [ "$KEEP_IMAGES" != 1 ]; then for i in "${IMAGES[@]}"; do "${B[@]}" rmi -f "$i" >/dev/null 2>&1; done; fi
  mountpoint -q "$WORK/rootfs-full/proc" && umount "$WORK/rootfs-full/proc"
  rm -rf "$WORK"
  say "cleaned up"
}
trap cleanup EXIT

descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }
stop_web() {
  local pids
  pids=$(descendants "$WEB_PID")
  [ -n "$pids" ] && kill -TERM $pids 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "$WEB_PID" 2>/dev/null || break; sleep 1; done
  kill -0 "$WEB_PID" 2>/dev/null && kill -KILL "$WEB_PID" $(descendants "$WEB_PID") 2>/dev/null
  WEB_PID=
}

# --- the base images -------------------------------------------------------------------------------------------------
say "debootstrap bookworm from $MIRROR"
debootstrap --variant=minbase bookworm "$WORK/rootfs-slim" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
  { tail -20 "$WORK/debootstrap.log"; exit 1; }
R=$WORK/rootfs-slim
mkdir -p "$R/usr/local/bin" "$R/usr/local/lib/node_modules" "$R/usr/local/share/ca-certificates"
cp "$NODE_BIN" "$R/usr/local/bin/node"
cp -a "$NPM_DIR" "$R/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$R/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$R/usr/local/bin/npx"
chroot "$R" groupadd --gid 1000 node
chroot "$R" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
# This machine reaches the npm registry through a proxy whose CA is added locally; Node trusts it only if told.
EXTRA_CA=()
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  cat /usr/local/share/ca-certificates/*.crt >"$R/usr/local/share/ca-certificates/host-extra.pem"
  EXTRA_CA=(--env NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/host-extra.pem)
fi
rm -rf "$R"/var/cache/apt/archives/*.deb "$R"/var/lib/apt/lists/*

say "the build image: python3 make g++ git, Node headers"
cp -a "$WORK/rootfs-slim" "$WORK/rootfs-full"
F=$WORK/rootfs-full
cp /etc/resolv.conf "$F/etc/resolv.conf"
mount -t proc proc "$F/proc"
chroot "$F" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3 make g++ git ca-certificates && apt-get clean && rm -rf /var/lib/apt/lists/*' \
  >"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log"; exit 1; }
umount "$F/proc"
: >"$F/etc/resolv.conf"
mkdir -p "$F/usr/local/include"
cp -a "$NODE_HEADERS" "$F/usr/local/include/node"

make_image() { # rootfs tag [config options…]
  local rootfs=$1 tag=$2 c m
  shift 2
  c=$("${B[@]}" from scratch)
  m=$("${B[@]}" mount "$c")
  tar -C "$rootfs" -cf - . | tar -C "$m" -xpf - --numeric-owner
  "${B[@]}" umount "$c" >/dev/null
  "${B[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${EXTRA_CA[@]}" "$@" --cmd node "$c"
  "${B[@]}" commit -q "$c" "localhost/node:$tag" >/dev/null
  "${B[@]}" tag "localhost/node:$tag" "docker.io/library/node:$tag"
  "${B[@]}" rm "$c" >/dev/null
  IMAGES+=("localhost/node:$tag" "docker.io/library/node:$tag")
}
make_image "$WORK/rootfs-slim" 20-bookworm-slim
# node-gyp would fetch the headers from nodejs.org (unreachable here); they are in the image.
make_image "$WORK/rootfs-full" 20-bookworm --env npm_config_nodedir=/usr/local
rm -rf "$WORK/rootfs-slim" "$WORK/rootfs-full"
say "base images made"

# --- the build -------------------------------------------------------------------------------------------------------
git clone -q "$REPO" "$WORK/src"
say "building $(git -C "$WORK/src" log --oneline -1)"
IMAGES+=("localhost/jxcg-check:$RUN_ID")
(cd "$WORK/src" && "${B[@]}" bud --pull=never --isolation chroot --network host --layers=false --format docker \
  -f deploy/Containerfile -t "jxcg-check:$RUN_ID" .) >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
T_BUILT=$(date +%s)
say "image built"

# --- migrate, start, ask -----------------------------------------------------------------------------------------------
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
psql -h "$PGHOST" -U "$PGUSER" -qc "create database $DB" -c "create database ${DB}_middle" postgres
ENVS=(--env NODE_ENV=production --env HOST=127.0.0.1 --env "PORT=$PORT"
  --env "DATABASE_URL=postgres://$PGUSER@$PGHOST:5432/$DB" --env "MIDDLE_DATABASE_URL=postgres://$PGUSER@$PGHOST:5432/${DB}_middle"
  --env "REDIS_URL=redis://$REDIS_HOST:6379" --env "QUEUE_PREFIX=$PREFIX" --env PGSSLMODE=disable
  --env "SESSION_SECRET=$(openssl rand -hex 32)" --env INTEGRATION_APP_KEY=finance-platform
  --env "INTEGRATION_APP_SECRET=$(openssl rand -hex 32)"
  --env "PERSONAL_DATA_KEYS=check:$(openssl rand -hex 16)" --env "PERSONAL_DATA_INDEX_KEY=$(openssl rand -hex 32)" --env "AUDIT_CHAIN_KEY=$(openssl rand -hex 32)")
c=$("${B[@]}" from --pull=never "jxcg-check:$RUN_ID")
CONTAINERS+=("$c")
CMD=$("${B[@]}" inspect --format '{{range .OCIv1.Config.Cmd}}{{.}} {{end}}' "$c")
say "npm run migrate:dist"
"${B[@]}" run --isolation chroot --network host "${ENVS[@]}" "$c" -- npm run migrate:dist >"$WORK/migrate.log" 2>&1 ||
  { cat "$WORK/migrate.log"; exit 1; }
say "the image's command: $CMD, on 127.0.0.1:$PORT"
# shellcheck disable=SC2086 # the image's CMD, split as the image gives it
"${B[@]}" run --isolation chroot --network host "${ENVS[@]}" "$c" -- $CMD >"$WORK/web.log" 2>&1 &
WEB_PID=$!
code=000
for _ in $(seq 1 90); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz" || true)
  [ "$code" = 200 ] && break
  kill -0 "$WEB_PID" 2>/dev/null || break
  sleep 1
done
login=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/admin/login" || true)
say "/readyz $code, /admin/login $login"
stop_web
if [ "$code" != 200 ] || [ "$login" != 200 ]; then tail -30 "$WORK/web.log"; exit 1; fi
say "OK: deploy/Containerfile builds ($((T_BUILT - T0))s with the base images) and its image serves a web"
