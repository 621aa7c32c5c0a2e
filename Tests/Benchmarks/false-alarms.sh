#!/usr/bin/env bash
# False-alarm benchmark of the regression gate on the wall clock (not a CI test: it takes minutes
# and its figures depend on the machine; run it on a release build, on a quiet machine).
#
# 1. False alarms: PAIRS times, runs Tests/Benchmarks/wall-noise.json twice with the same build
#    (the first run saved as a baseline, the second checked against it, every metric) and counts
#    the checks that would have failed CI. Target: 0.
# 2. Sensitivity: TRIES times per step, runs phase3 with its 32 connections as a baseline, then
#    checks a run with fewer connections (a known slow-down of about 1/32 per connection) and
#    counts the checks that flag phase3's throughput. The smallest cut flagged every time is the
#    smallest shift the gate catches on this workload.
#
# The relative thresholds are the check's as it would run in CI: the scenario's "maxRegression"
# (sized to the drift measured on the project's VM), under MAX_REGRESSION and THRESHOLDS when
# given; the script prints those in effect, per metric, as the check reported them.
#
# usage: Tests/Benchmarks/false-alarms.sh [ISSUEBENCH]   (default: .build/release/issuebench)
# environment: PAIRS (10), TRIES (3), CONNECTIONS ("31 30 29 28 27 26 24"; "" skips part 2),
#              ALPHA (0.01), MAX_REGRESSION (--max-regression; default: none, so the scenario's
#              maxRegression.default applies), THRESHOLDS (more check options, e.g.
#              "--threshold p99LatencyMs=25 --threshold cpuSeconds=50", which beat the scenario's),
#              SCENARIO (Tests/Benchmarks/wall-noise.json; part 2 assumes its phase3 at 32
#              connections, so set CONNECTIONS="" with another)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/issuebench}
SCENARIO=${SCENARIO:-Tests/Benchmarks/wall-noise.json}
PAIRS=${PAIRS:-10}
TRIES=${TRIES:-3}
CONNECTIONS=${CONNECTIONS-"31 30 29 28 27 26 24"}
ALPHA=${ALPHA:-0.01}
OPTIONS=(--alpha "$ALPHA")
if [ -n "${MAX_REGRESSION:-}" ]; then OPTIONS+=(--max-regression "$MAX_REGRESSION"); fi
read -r -a THRESHOLDS <<< "${THRESHOLDS:-}"
OPTIONS+=(${THRESHOLDS[@]+"${THRESHOLDS[@]}"})
BASE_CONNECTIONS=32

[ -x "$BIN" ] || { echo "error: $BIN is not built (make build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME ARGS...: a run of the scenario, saved as the baseline $work/NAME.json
run() {
  local name=$1; shift
  "$BIN" run "$SCENARIO" "$@" --out "$work/out" --save-baseline "$work/$name.json" > /dev/null 2> "$work/$name.log" \
    || { echo "error: the run failed:" >&2; cat "$work/$name.log" >&2; exit 2; }
}

# check NAME ARGS...: checks a new run against the baseline $work/NAME.json; CSV in $work/NAME.csv;
# prints the exit status (0 pass, 1 regression; anything else stops the benchmark)
check() {
  local name=$1; shift
  local status=0
  "$BIN" check --baseline "$work/$name.json" "$SCENARIO" "$@" "${OPTIONS[@]}" --format csv > "$work/$name.csv" \
    2> "$work/$name.check.log" || status=$?
  if [ "$status" -gt 1 ]; then echo "error: the check failed:" >&2; cat "$work/$name.check.log" >&2; exit 2; fi
  echo "$status"
}

# The CSV's columns: 2 engine, 8 metric, 11 changePercent, 14 pValue, 16 status (tuning has no commas).
field() { awk -F, -v engine="$2" -v metric="$3" -v column="$4" '$2 == engine && $8 == metric { print $column }' "$1"; }
regressions() { awk -F, 'NR > 1 && $16 == "regression" { printf "%s %s (%+.1f %%, p = %s); ", $2, $8, $11, $14 }' "$1"; }
throughputs() { awk -F, '$8 == "throughput" { printf "%s %+.1f %% ", $2, $11 }' "$1"; }
# The relative threshold each metric was judged by (column 12), as the check reported it.
thresholds() { awk -F, 'NR > 1 && !seen[$8]++ { printf "%s%s %g %%", (n++ ? ", " : ""), $8, $12 }' "$1"; }

echo "issuebench false-alarm benchmark with $BIN"
echo "scenario: $SCENARIO, its $(grep -o '"maxRegression": {[^}]*}' "$SCENARIO" || echo 'maxRegression: none')"
echo "check options: ${OPTIONS[*]}; every metric"
echo

echo "== False alarms: the same build, run twice, $PAIRS times =="
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
alarms=0
for i in $(seq 1 "$PAIRS"); do
  run "same-$i"
  status=$(check "same-$i")
  if [ "$i" = 1 ]; then echo "relative thresholds in effect: $(thresholds "$work/same-1.csv")"; fi
  if [ "$status" = 1 ]; then
    alarms=$((alarms + 1))
    echo "pair $i: ALARM — $(regressions "$work/same-$i.csv")"
  else
    echo "pair $i: pass (throughput change: $(throughputs "$work/same-$i.csv"))"
  fi
done
echo "false alarms: $alarms of $PAIRS"
# Per metric: the pairs it alarmed in, and the largest change the test found significant in either
# direction — the drift between two runs of one build that a threshold for it must exceed.
awk -F, -v alpha="$ALPHA" '
  FNR == 1 { pair++; next }
  $16 == "regression" && !seen[pair, $8]++ { alarms[$8]++ }
  $16 == "regression" && $8 != "cpuSeconds" && $8 != "peakRSSMiB" && !timed[pair]++ { timeAlarms++ }
  $14 != "" && $14 < alpha { change = ($11 < 0 ? -$11 : $11); if (change > drift[$8]) drift[$8] = change }
  { metrics[$8] = 1 }
  END {
    for (m in metrics)
      printf "  %-13s alarmed in %d pair(s); largest significant change: %s\n", m, alarms[m] + 0,
             (m in drift) ? sprintf("%.1f %%", drift[m]) : "none"
    printf "false alarms on the time figures alone (every metric but cpuSeconds and peakRSSMiB): %d of %d\n", timeAlarms, pair
  }' "$work"/same-*.csv | sort
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end of the pairs"
echo

[ -n "$CONNECTIONS" ] || exit 0
echo "== Sensitivity: phase3 with fewer than $BASE_CONNECTIONS connections, $TRIES tries each =="
smallest=""
for connections in $CONNECTIONS; do
  detected=0
  measured=""
  for try in $(seq 1 "$TRIES"); do
    name="cut-$connections-$try"
    run "$name" --engines phase3
    status=$(check "$name" --engines phase3 --set "phase3.minConnections=$connections" \
      --set "phase3.maxConnections=$connections")
    change=$(field "$work/$name.csv" phase3 throughput 11)
    p=$(field "$work/$name.csv" phase3 throughput 14)
    flagged=$(field "$work/$name.csv" phase3 throughput 16)
    measured+="$(printf "%+.1f %% (p = %s) " "$change" "$p")"
    if [ "$status" = 1 ] && [ "$flagged" = regression ]; then detected=$((detected + 1)); fi
  done
  expected=$(awk -v c="$connections" -v b="$BASE_CONNECTIONS" 'BEGIN { printf "%.1f", (c - b) / b * 100 }')
  echo "maxConnections $BASE_CONNECTIONS → $connections (expected ${expected} %): flagged $detected of $TRIES; measured $measured"
  if [ -z "$smallest" ] && [ "$detected" = "$TRIES" ]; then smallest="$connections (expected ${expected} %)"; fi
done
echo "phase3 throughput threshold in effect: $(field "$work/$name.csv" phase3 throughput 12) %"
echo "smallest cut flagged every time: ${smallest:-none}"
