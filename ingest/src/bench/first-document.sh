#!/usr/bin/env bash
# Seconds from the start of the ingest command to its first document extracted (the first original
# written to the store) and to its end, for one or more builds of wenshi-ingest.jar on the same folder,
# run in turn (ROUNDS rounds, the order alternating), each into a fresh index with a fresh store and,
# unless CACHED=1, an empty PDFBox font cache (a fresh machine). Prints every run, then the medians.
# Usage: ingest/src/bench/first-document.sh FOLDER [JAR...]   (default JAR: ingest/target/wenshi-ingest.jar)
# Elasticsearch: $WENSHI_ES_URL, else the managed local node of $WENSHI_HOME (default /tmp/wenshi-first-doc).
set -euo pipefail
[ $# -ge 1 ] && [ -d "$1" ] || { echo "usage: $0 FOLDER [JAR...]" >&2; exit 2; }
folder=$(cd "$1" && pwd); shift
cd "$(dirname "$0")/../.."
jars=("$@"); [ ${#jars[@]} -gt 0 ] || jars=("$PWD/target/wenshi-ingest.jar")
for j in "${jars[@]}"; do [ -f "$j" ] || { echo "no such jar: $j (build: mvn package -DskipTests)" >&2; exit 2; }; done
export WENSHI_HOME=${WENSHI_HOME:-/tmp/wenshi-first-doc}
rounds=${ROUNDS:-8}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
java -jar "${jars[0]}" --index first-doc-warm "$work" >/dev/null 2>&1 || true # the node starts outside the timing

seconds() { echo "$(date +%s.%N) - $1" | bc; }
run() { # JAR N: one run; prints "first total"
  local run=$work/run fc=$work/fontcache
  rm -rf "$run"; mkdir -p "$run"
  [ "${CACHED:-0}" = 1 ] || rm -rf "$fc"; mkdir -p "$fc"
  local start first= pid
  start=$(date +%s.%N)
  WENSHI_STORE=$run/store JAVA_TOOL_OPTIONS="-Dpdfbox.fontcache=$fc" \
    java -jar "$1" --index "first-doc-$2-$RANDOM$RANDOM" "$folder" >"$run/out" 2>"$run/err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if [ -z "$first" ] && [ -n "$(find "$run/store" -name 'original.*' -print -quit 2>/dev/null)" ]; then
      first=$(seconds "$start")
    fi
    sleep 0.05
  done
  wait "$pid" || { echo "run failed: $(tail -3 "$run/err")" >&2; exit 1; }
  local total; total=$(seconds "$start")
  echo "${first:-$total} $total $(tail -1 "$run/out")"
}

printf '%-3s %-50s %9s %8s  %s\n' round jar first_s total_s last_line
for ((r = 1; r <= rounds; r++)); do
  order=("${!jars[@]}"); (( r % 2 == 0 )) && order=($(printf '%s\n' "${order[@]}" | tac))
  for i in "${order[@]}"; do
    read -r first total last < <(run "${jars[$i]}" "$i")
    printf '%-3s %-50s %9.2f %8.2f  %s\n' "$r" "${jars[$i]}" "$first" "$total" "$last"
    echo "$first $total" >>"$work/times-$i"
  done
done
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'; }
echo "medians over $rounds rounds:"
for i in "${!jars[@]}"; do
  printf '    %-50s first %6.2f s  total %6.2f s\n' "${jars[$i]}" \
    "$(cut -d' ' -f1 "$work/times-$i" | median)" "$(cut -d' ' -f2 "$work/times-$i" | median)"
done
