#!/usr/bin/env bash
# Peak heap of ingest while it ingests N generated sample documents (default 5000 and 20000), each
# into a fresh index of a local node under its own WENSHI_HOME, with -Xmx512m and GC logging.
# Prints, per size: wall time, docs/s, the highest heap occupancy the GC log shows (before any
# collection: the true peak) and the highest after a collection (the live set), in MB. If memory
# is independent of corpus size, the live set stays flat from 5k to 20k documents.
# Usage: ingest/src/bench/heap-bench.sh [N...]   (after `mvn package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$PWD/target/wenshi-ingest.jar
[ -f "$jar" ] || { echo "build first: mvn package -DskipTests" >&2; exit 2; }
export WENSHI_HOME=${WENSHI_HOME:-/tmp/wenshi-heap-bench}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(5000 20000)
printf '%-8s %10s %8s %14s %14s %s\n' docs wall_s docs/s peak_heap_MB live_max_MB last_line
for n in "${sizes[@]}"; do
  rm -rf "$WENSHI_HOME/sample" "$WENSHI_HOME/reports"
  java -jar "$jar" --sample --sample-size 1 --index heap-bench-warm >/dev/null 2>&1   # start the node, outside the timing
  rm -rf "$WENSHI_HOME/sample"
  log=$(mktemp) gc=$(mktemp)
  start=$(date +%s.%N)
  java -Xmx512m -Xlog:gc:file="$gc" -jar "$jar" --sample --sample-size "$n" --index "heap-bench-$n" >"$log" 2>&1
  end=$(date +%s.%N)
  ingest_s=$(grep -oP '^done: \d+( of \d+)? sources in \K[0-9.]+' "$log")
  # GC lines look like: "... Pause Young (Normal) (G1 Evacuation Pause) 301M->45M(512M) 12.345ms"
  peak=$(grep -oP '\d+M->\d+M' "$gc" | sed 's/M->.*//' | sort -n | tail -1)
  live=$(grep -oP '\d+M->\K\d+(?=M)' "$gc" | sort -n | tail -1)
  printf '%-8s %10.1f %8.1f %14s %14s %s\n' "$n" "$(echo "$end - $start" | bc)" "$(echo "$n / $ingest_s" | bc -l)" \
    "${peak:-0}" "${live:-0}" "$(tail -1 "$log")"
  rm -f "$log" "$gc"
done
