# Runs Maven and ends the output with the test totals. Source it after common.sh.

# run_maven args...: runs `mvn -B args...` (output also kept in a log), then calls finish_before_summary
# (when defined) and prints the Surefire/Failsafe totals of every module. Returns Maven's exit status.
run_maven() {
  local log status
  log=$(mktemp "${TMPDIR:-/tmp}/faktory-testkit-mvn.XXXXXX")
  say "mvn -B --no-transfer-progress -Dstyle.color=never $*"
  set +e
  mvn -B --no-transfer-progress -Dstyle.color=never "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  if declare -F finish_before_summary >/dev/null; then finish_before_summary; fi
  print_test_summary "$log"
  rm -f "$log"
  return "$status"
}

# Prints one line per test plugin execution: module, plugin and its totals, then Maven's verdict.
print_test_summary() {
  say "test summary (Surefire = unit tests *Test, Failsafe = integration tests *IT)"
  awk '
    match($0, /--- (maven-)?(surefire|failsafe)(-plugin)?:[^ ]+ \([^)]*\) @ [^ ]+/) {
      split(substr($0, RSTART, RLENGTH), part, " ")
      plugin = part[2]; sub(/:.*/, "", plugin); sub(/^maven-/, "", plugin); sub(/-plugin$/, "", plugin)
      module = part[length(part)]
    }
    /Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$/ {
      totals = $0; sub(/^.*Tests run/, "Tests run", totals)
      printf "  %-28s %-10s %s\n", module, plugin, totals
    }
    /BUILD (SUCCESS|FAILURE)/ { verdict = $0 }
    END { if (verdict != "") print verdict }
  ' "$1"
}

# print_target_summary DIR: prints tests run/failed/skipped per target from the Failsafe XML reports in DIR. A run
# of an @AcrossTargets test is named after its target ("method(Target) local"); other tests count as "other".
print_target_summary() {
  local reports=$1
  say "conformance summary per target (from $reports)"
  if ! compgen -G "$reports/TEST-*.xml" >/dev/null; then
    warn "no Failsafe reports in $reports"
    return 0
  fi
  awk '
    function finish() {
      if (target == "") return
      run[target]++
      if (state == "failed") failed[target]++
      if (state == "skipped") skipped[target]++
      target = ""
    }
    /<testcase / {
      finish()
      match($0, /name="[^"]*"/)
      name = substr($0, RSTART + 6, RLENGTH - 7)
      target = name
      sub(/.* /, "", target)
      if (target !~ /^(fake|local|container|url)$/) target = "other"
      state = "passed"
      if ($0 ~ /\/>[[:space:]]*$/) finish()
    }
    /<(failure|error)[ >]/ { if (target != "") state = "failed" }
    /<skipped/ { if (target != "") state = "skipped" }
    /<\/testcase>/ { finish() }
    END {
      printf "  %-10s %6s %7s %8s\n", "target", "run", "failed", "skipped"
      split("fake local container url other", order, " ")
      for (i = 1; i <= 5; i++) {
        t = order[i]
        if (t in run) printf "  %-10s %6d %7d %8d\n", t, run[t], failed[t], skipped[t]
      }
    }
  ' "$reports"/TEST-*.xml
}
