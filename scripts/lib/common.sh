# Shared settings and helpers of the scripts under scripts/. Source it; do not run it.
# FAKTORY_VERSION selects the Faktory release every script and test targets (default 1.9.4).

# select_faktory_version VERSION: sets FAKTORY_VERSION and what derives from it (the cache folder, the image).
select_faktory_version() {
  FAKTORY_VERSION=$1
  FAKTORY_CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/faktory-testkit/faktory-$FAKTORY_VERSION"
  FAKTORY_IMAGE="faktory-testkit/faktory:$FAKTORY_VERSION"
}
select_faktory_version "${FAKTORY_VERSION:-1.9.4}"
REPORT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target/conformance"
APT_UPDATED=""

say() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }

# step "description" command [args...]: runs the command with its standard output held back, then prints one
# line: the description, the last line the command printed and how long it took. Errors (standard error) show at
# once; when the command fails, its held-back output follows them. Runs in the current shell (the command may set
# variables). Returns the command's status (reached only where errexit is off, e.g. in `step ... || warn ...`).
step() {
  local name=$1 start status took out last
  shift
  out=$(mktemp "${TMPDIR:-/tmp}/faktory-testkit-step.XXXXXX")
  start=$(now_ms)
  "$@" >"$out"
  status=$?
  took=$(awk -v ms="$(( $(now_ms) - start ))" 'BEGIN { printf "%.1f", ms / 1000 }')
  last=$(tail -n 1 "$out")
  last=${last#==> }
  if [ "$status" = 0 ]; then
    say "$name: ${last:-done} (${took} s)"
  else
    cat "$out" >&2
    warn "$name: failed after ${took} s"
  fi
  rm -f "$out"
  return "$status"
}

# apt_install package...: installs Debian packages; runs apt-get update once per script. Services the
# packages ship (redis on port 6379, the docker init script) are not started: see policy-rc.d(8).
apt_install() {
  [ "$(id -u)" = 0 ] || die "installing $* needs root (apt-get); install it yourself or run as root"
  if [ -z "$APT_UPDATED" ]; then
    say "apt-get update"
    apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  (
    policy=/usr/sbin/policy-rc.d
    if [ ! -e "$policy" ]; then
      trap 'rm -f "$policy"' EXIT
      printf '#!/bin/sh\nexit 101\n' >"$policy"
      chmod 755 "$policy"
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
  )
}

# print_report_summary: prints the conformance report's short summary and names the report, when one was written.
print_report_summary() {
  if [ ! -f "$REPORT_DIR/summary.txt" ]; then
    warn "no conformance report was written (expected: $REPORT_DIR/report.html)"
    return 0
  fi
  say "conformance summary"
  cat "$REPORT_DIR/summary.txt"
  say "report: $REPORT_DIR/report.html (and report.md)"
}

# python3 drives the standalone jar's admin API in a CI test (StandaloneJarIT); installs it when missing.
ensure_python3() {
  if command -v python3 >/dev/null 2>&1; then
    say "python3 present: $(python3 --version 2>&1)"
    return
  fi
  apt_install python3
}
