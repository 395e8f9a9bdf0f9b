#!/usr/bin/env bash
# The portal's own CPU per search, for two builds side by side: both portals search a canned
# Elasticsearch (CannedElasticsearch: the answers a real node gave once to the benchmark's searches),
# so the node's work and noise are out of the way; wrk loads them in alternating rounds at 8
# connections after each has warmed up until its JIT settled. Prints a row per round and the medians.
#   portal/src/bench/portal-cpu.sh WENSHI_HOME JAR_A JAR_B [ROUNDS] [SECONDS]
# WENSHI_HOME: an ingested archive whose node is running (java -jar ingest/target/wenshi-ingest.jar
# --sample). JAR_A/JAR_B: portal jars (e.g. a copy of portal/target/wenshi-portal.jar built from
# another commit). Both run as README's Operations recommends (-Xmx256m -XX:+UseParallelGC).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
home="${1:?usage: portal-cpu.sh WENSHI_HOME JAR_A JAR_B [ROUNDS] [SECONDS]}"
jars=("${2:?JAR_A}" "${3:?JAR_B}")
rounds="${4:-6}"
seconds="${5:-10}"
index="wenshi-docs"
canned_port="${CANNED_PORT:-18399}"
ports=(18391 18392)
work="$(mktemp -d /tmp/wenshi-portal-cpu.XXXXXX)"
source "$root/portal/src/bench/lib.sh"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; pkill -f "CannedElasticsearch $canned_port " 2>/dev/null; rm -rf "$work"' EXIT

es_url="$(sed -n 's/^url=//p' "$home/elasticsearch/node.properties" | sed 's/\\//g')"
bench_requests "$work/requests.tsv"
bench_java org.wenshi.portal.search.bench.CannedElasticsearch "$canned_port" "$work/requests.tsv" "$es_url" "$index" \
  > "$work/canned.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do grep -q '^canned answers' "$work/canned.log" && break; sleep 1; done
grep '^canned answers' "$work/canned.log" || { cat "$work/canned.log" >&2; exit 1; }

for i in 0 1; do
  WENSHI_HOME="$home" WENSHI_ES_URL="http://127.0.0.1:$canned_port" \
    java -Xmx256m -XX:+UseParallelGC -jar "${jars[$i]}" --server.port="${ports[$i]}" > "$work/portal$i.log" 2>&1 &
  pids+=($!)
done
# Their health stays DOWN (the canned node cannot answer the index check); a search is what counts.
for i in 0 1; do wait_ready "http://localhost:${ports[$i]}" "$(head -1 "$work/requests.tsv" | cut -f1)"; done
for i in 0 1; do
  echo "portal $i (${jars[$i]}): warm after $(warm_portal "${pids[$((i + 1))]}" "http://localhost:${ports[$i]}") x 10 s"
done

echo "| round | build | p50 ms | req/s | errors | portal CPU ms/request |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  for i in 0 1; do
    pid="${pids[$((i + 1))]}"
    t0=$(cpu_ticks "$pid")
    result=$(wrk_load "http://localhost:${ports[$i]}" portal 8 "$seconds" | sed -n 's/^RESULT //p')
    t1=$(cpu_ticks "$pid")
    awk -v r="$r" -v b="$([[ $i == 0 ]] && echo A || echo B)" -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "| %s | %s | %s | %s | %s | %.3f |\n", r, b, v["p50_ms"], v["rps"], v["errors"], (t1 - t0) * 1000 / hz / v["requests"]
    }' <<<"$result"
  done
done | tee "$work/rounds.md"
awk -F'|' '{ gsub(/ /, "", $3); if ($3 == "A" || $3 == "B") print $3, $7 }' "$work/rounds.md" | sort -k1,1 -k2,2n | awk '
  { v[$1, ++n[$1]] = $2 }
  END {
    for (b in n) { m[b] = (n[b] % 2) ? v[b, (n[b] + 1) / 2] : (v[b, n[b] / 2] + v[b, n[b] / 2 + 1]) / 2 }
    printf "median portal CPU ms/request: A %.3f, B %.3f; B/A %.3f\n", m["A"], m["B"], m["B"] / m["A"]
  }'
