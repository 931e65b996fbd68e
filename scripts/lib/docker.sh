# Provisioning of the container engine and of the local Faktory image. Source it after common.sh and
# faktory.sh. Only loopback networking is used: dockerd runs without a bridge and without iptables, and
# containers share the host's network.

DOCKERD_PID=""   # set when this script started dockerd; stop_dockerd stops only that one
DOCKERD_LOG="${TMPDIR:-/tmp}/faktory-testkit-dockerd.log"
IMAGE_LABEL="io.github.faktorytestkit.faktory-sha256"
IMAGE_DOCKERFILE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../faktory-image" && pwd)"

ensure_docker_installed() {
  if command -v dockerd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1; then
    say "docker present: $(docker --version)"
    return
  fi
  apt_install docker.io
}

# Makes the script stop the dockerd it started when it exits, also when interrupted or terminated.
stop_dockerd_on_exit() {
  trap stop_dockerd EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

docker_answers() { timeout 10 docker info >/dev/null 2>&1; }

# Starts dockerd in the background unless an engine already answers; returns non-zero (does not exit) when
# no engine comes up within 60 s, so callers may go on without containers.
start_dockerd() {
  if [ -n "$DOCKERD_PID" ] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
    say "dockerd (pid $DOCKERD_PID) already started by this script"
    return 0
  fi
  if docker_answers; then
    say "a Docker engine is already running; using it (it will be left running)"
    return 0
  fi
  say "starting dockerd --bridge=none --iptables=false (log: $DOCKERD_LOG)"
  setsid dockerd --bridge=none --iptables=false >"$DOCKERD_LOG" 2>&1 </dev/null &
  DOCKERD_PID=$!
  local waited=0
  until docker_answers; do
    if ! kill -0 "$DOCKERD_PID" 2>/dev/null; then
      DOCKERD_PID=""
      docker_answers && { say "another dockerd came up meanwhile; using it"; return 0; }
      warn "dockerd exited; its log follows"
      tail -n 30 "$DOCKERD_LOG" >&2
      return 1
    fi
    if [ "$waited" -ge 600 ]; then
      warn "dockerd did not answer within 60 s; its log follows"
      tail -n 30 "$DOCKERD_LOG" >&2
      stop_dockerd
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  say "dockerd (pid $DOCKERD_PID) answers: server $(docker version -f '{{.Server.Version}}')"
}

# Stops the dockerd this script started (by its pid), if any; leaves any other engine alone.
stop_dockerd() {
  [ -n "$DOCKERD_PID" ] || return 0
  say "stopping dockerd (pid $DOCKERD_PID)"
  kill -TERM "$DOCKERD_PID" 2>/dev/null || true
  local waited=0
  while kill -0 "$DOCKERD_PID" 2>/dev/null && [ "$waited" -lt 300 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$DOCKERD_PID" 2>/dev/null; then
    warn "dockerd did not stop within 30 s; killing it"
    kill -KILL "$DOCKERD_PID" 2>/dev/null || true
  fi
  wait "$DOCKERD_PID" 2>/dev/null || true
  DOCKERD_PID=""
  # dockerd leaves its network namespace mounted; a later daemon or a cleanup of /run/docker trips on it
  if grep -qs ' /run/docker/netns/default ' /proc/mounts; then
    umount /run/docker/netns/default || warn "could not unmount /run/docker/netns/default"
  fi
}

# Builds FAKTORY_IMAGE from the cached static faktory plus this machine's redis-server and the shared
# libraries it links, unless an image built from the same faktory binary exists.
build_faktory_image() {
  local sha current previous
  sha=$(sha256sum "$FAKTORY_CACHE_DIR/faktory" | cut -c1-64)
  current=$(docker image inspect -f "{{ index .Config.Labels \"$IMAGE_LABEL\" }}" "$FAKTORY_IMAGE" 2>/dev/null || true)
  if [ "$current" = "$sha" ]; then
    say "image $FAKTORY_IMAGE is up to date (faktory sha256 $sha)"
    return
  fi
  previous=$(docker image inspect -f '{{.Id}}' "$FAKTORY_IMAGE" 2>/dev/null || true)
  build_image_from_context "$sha"
  if [ -n "$previous" ]; then
    say "removing the outdated image ${previous:7:12}"
    docker rmi "$previous" >/dev/null || warn "could not remove the outdated image $previous"
  fi
}

build_image_from_context() (
  context=$(mktemp -d)
  trap 'rm -rf "$context"' EXIT
  stage_image_root "$context/rootfs"
  cp "$IMAGE_DOCKERFILE_DIR/Dockerfile" "$context/"
  say "docker build -t $FAKTORY_IMAGE ($(du -sh "$context/rootfs" | cut -f1) from $context)"
  # the legacy builder: Debian's docker.io has no buildx plugin
  DOCKER_BUILDKIT=0 docker build -q --label "$IMAGE_LABEL=$1" -t "$FAKTORY_IMAGE" "$context"
)

# stage_image_root DIR: lays out the image's file system in DIR.
stage_image_root() {
  local root=$1 redis lib
  redis=$(readlink -f "$(command -v redis-server)")   # Debian's redis-server is a link to redis-check-rdb
  install -D -m 0755 "$FAKTORY_CACHE_DIR/faktory" "$root/faktory"
  install -D -m 0755 "$redis" "$root/usr/bin/redis-server"
  for lib in $(ldd "$redis" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
    cp -L --parents "$lib" "$root/"
  done
  mkdir -p "$root/tmp" "$root/root" "$root/etc"
  chmod 1777 "$root/tmp"          # Faktory writes /tmp/redis.conf
  printf 'root:x:0:0:root:/root:/faktory\n' >"$root/etc/passwd"
}
