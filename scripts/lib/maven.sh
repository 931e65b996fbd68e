# Runs Maven and ends the output with the test totals. Source it after common.sh.

# run_maven args...: runs `mvn -B args...` (output also kept in a log, without the colour codes Maven's console
# library writes even in batch mode), then calls finish_before_summary (when defined) and prints the
# Surefire/Failsafe totals of every module (Maven's verdict is just above). Returns Maven's exit status.
run_maven() {
  local log status
  log=$(mktemp "${TMPDIR:-/tmp}/faktory-testkit-mvn.XXXXXX")
  say "mvn -B --no-transfer-progress -Dstyle.color=never $*"
  set +e
  mvn -B --no-transfer-progress -Dstyle.color=never "$@" 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g' | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  if declare -F finish_before_summary >/dev/null; then finish_before_summary; fi
  print_test_summary "$log" no-verdict
  rm -f "$log"
  return "$status"
}

# print_test_summary LOG [no-verdict]: prints one line per test plugin execution in LOG: module, plugin and its
# totals, then Maven's verdict (unless no-verdict: when Maven's own output was just shown).
print_test_summary() {
  say "test summary (Surefire = unit tests *Test, Failsafe = integration tests *IT)"
  awk -v verdict_wanted="${2:-verdict}" '
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
    END { if (verdict != "" && verdict_wanted != "no-verdict") print verdict }
  ' "$1"
}
