# Provisioning of real Faktory as a local process: redis-server from Debian, faktory and load from the Go
# module of the pinned version. Source it after common.sh.

FAKTORY_MODULE="github.com/contribsys/faktory"

ensure_redis_server() {
  if command -v redis-server >/dev/null 2>&1; then
    say "redis-server present: $(redis-server --version)"
    return
  fi
  apt_install redis-server
}

# Installs faktory and load (static, CGO_ENABLED=0) into FAKTORY_CACHE_DIR unless they are there already.
ensure_faktory_binaries() {
  if [ -x "$FAKTORY_CACHE_DIR/faktory" ] && [ -x "$FAKTORY_CACHE_DIR/load" ]; then
    say "faktory $FAKTORY_VERSION cached in $FAKTORY_CACHE_DIR"
  else
    install_faktory_binaries
  fi
  check_faktory_version
}

# A plain `go install module/pkg@version` asks the module proxy for the module's version list (to report
# deprecation) and that lookup is refused here; resolving the pinned version with `go get` inside a
# throwaway module and installing by package path does not need it.
install_faktory_binaries() (
  command -v go >/dev/null 2>&1 || die "go: not found (expected: Go >= 1.25 on PATH)"
  mkdir -p "$(dirname "$FAKTORY_CACHE_DIR")"
  work=$(mktemp -d "$(dirname "$FAKTORY_CACHE_DIR")/.install-$FAKTORY_VERSION.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  say "go install $FAKTORY_MODULE/cmd/faktory and /test/load @v$FAKTORY_VERSION (CGO_ENABLED=0) with $(go version)"
  cd "$work"
  go mod init faktory-testkit-provisioning >/dev/null 2>&1
  go get "$FAKTORY_MODULE/cmd/faktory@v$FAKTORY_VERSION" "$FAKTORY_MODULE/test/load@v$FAKTORY_VERSION"
  CGO_ENABLED=0 GOBIN="$work/bin" go install "$FAKTORY_MODULE/cmd/faktory" "$FAKTORY_MODULE/test/load"
  mkdir -p "$FAKTORY_CACHE_DIR"
  # a rename within one file system: a concurrent reader sees the old binary or the new one, never half of one
  mv -f "$work/bin/faktory" "$work/bin/load" "$FAKTORY_CACHE_DIR/"
)

check_faktory_version() {
  local banner
  # no pipe into head: with pipefail, faktory dying of SIGPIPE would fail the check at random
  banner=$("$FAKTORY_CACHE_DIR/faktory" -v 2>&1)
  banner=${banner%%$'\n'*}
  [ "$banner" = "Faktory $FAKTORY_VERSION" ] ||
    die "$FAKTORY_CACHE_DIR/faktory -v: '$banner' (expected: 'Faktory $FAKTORY_VERSION')"
  say "$FAKTORY_CACHE_DIR/faktory reports '$banner'"
}
