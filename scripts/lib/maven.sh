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
