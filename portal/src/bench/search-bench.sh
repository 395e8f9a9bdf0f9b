#!/usr/bin/env bash
# Load benchmark of /api/search: the portal (run as README's Operations recommends: -Xmx256m
# -XX:+UseParallelGC) against the same searches sent straight
# to Elasticsearch, side by side in one run, at 8, 32 and 64 connections, with wrk (/usr/bin/wrk).
# The Elasticsearch request bodies are the exact ones the portal builds (BenchRequests), so the ratio
# portal/direct is the portal's own cost: parameters, query building, JSON mapping, HTTP.
#   portal/src/bench/search-bench.sh WENSHI_HOME [DURATION_SECONDS]
# WENSHI_HOME must hold an ingested index 'wenshi-docs' (java -jar ingest/target/wenshi-ingest.jar
# --sample [--sample-size 100000]). Prints one table row per target and concurrency, then the portal's
# heap from its GC log: the largest heap in use before a collection during the measured load, and
# after a full GC at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
home="${1:?usage: search-bench.sh WENSHI_HOME [DURATION_SECONDS]}"
duration="${2:-15}"
port="${BENCH_PORT:-18290}"
index="wenshi-docs"
work="$(mktemp -d /tmp/wenshi-bench.XXXXXX)"
source "$root/portal/src/bench/lib.sh"
cd "$root"
[[ -f portal/target/wenshi-portal.jar ]] || mvn -q package -DskipTests -pl portal -am
es_url="$(sed -n 's/^url=//p' "$home/elasticsearch/node.properties" | sed 's/\\//g')"
bench_requests "$work/requests.tsv"

WENSHI_HOME="$home" WENSHI_ES_URL="$es_url" java -Xmx256m -XX:+UseParallelGC -Xlog:gc:file="$work/gc.log" -jar portal/target/wenshi-portal.jar \
  --server.port="$port" > "$work/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null || true; rm -rf "$work"' EXIT
wait_ready "http://localhost:$port"
docs=$(curl -s "http://localhost:$port/api/search?size=1" | sed -n 's/^{"total":\([0-9]*\).*/\1/p')

gc_heap() { # before|after [FIRST_LINE]: MB in use before or after each collection in the GC log
  local field=$([[ $1 == before ]] && echo 1 || echo 2)
  tail -n +"${2:-1}" "$work/gc.log" | sed -n 's/.* \([0-9]*\)M->\([0-9]*\)M([0-9]*M).*/\1 \2/p' | cut -d' ' -f"$field"
}
es_pid="$(sed -n 's/^pid=//p' "$home/elasticsearch/node.properties")"
load() { # target connections seconds: wrk rotating the requests against the portal or Elasticsearch
  wrk_load "$([[ $1 == portal ]] && echo "http://localhost:$port" || echo "$es_url")" "$1" "$2" "$3"
}
run() { # target connections; adds the CPU the portal and Elasticsearch spent per request (ms)
  local p0 e0 out
  p0=$(cpu_ticks "$portal"); e0=$(cpu_ticks "$es_pid")
  out=$(load "$1" "$2" "$duration" | sed -n 's/^RESULT //p')
  awk -v p0="$p0" -v p1="$(cpu_ticks "$portal")" -v e0="$e0" -v e1="$(cpu_ticks "$es_pid")" -v hz="$(getconf CLK_TCK)" '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "requests") n = kv[2] }
    printf "%s portal_cpu_ms=%.2f es_cpu_ms=%.2f\n", $0, (p1 - p0) * 1000 / hz / n, (e1 - e0) * 1000 / hz / n
  }' <<<"$out"
}
# Warm-up to steady state: the comparison is of a warm portal with a warm Elasticsearch.
warm_rounds=$(warm_portal "$portal" "http://localhost:$port")
load es 8 20 >/dev/null

gc_lines_before_load=$(wc -l < "$work/gc.log")

echo "documents=$docs requests=$(wc -l < "$work/requests.tsv") duration=${duration}s warm-up=${warm_rounds}x10s jit_total=$(jstat -compiler "$portal" | awk 'NR == 2 { print $4 }')s load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| connections | target | p50 ms | p95 ms | p99 ms | req/s | errors | p50 portal/direct | CPU ms/request: portal | Elasticsearch |\n|---|---|---|---|---|---|---|---|---|---|\n'
for c in 8 32 64; do
  portal_line=$(run portal "$c")
  direct_line=$(run es "$c")
  p50p=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$portal_line")
  p50d=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<<"$direct_line")
  ratio=$(awk -v a="$p50p" -v b="$p50d" 'BEGIN { printf "%.2f", a / b }')
  for t in portal direct; do
    line=$([[ $t == portal ]] && echo "$portal_line" || echo "$direct_line")
    awk -v c="$c" -v t="$t" -v r="$([[ $t == portal ]] && echo "$ratio" || echo "")" '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", c, t, v["p50_ms"], v["p95_ms"], v["p99_ms"], v["rps"], v["errors"], r, v["portal_cpu_ms"], v["es_cpu_ms"]
    }' <<<"$line"
  done
done
peak=$(gc_heap before "$((gc_lines_before_load + 1))" | sort -n | tail -1)
jcmd $portal GC.run >/dev/null 2>&1 || true
sleep 1
echo "portal heap (GC log): max -Xmx256m; peak in use during the measured load ${peak:-?} MB (before a collection); after a full GC $(gc_heap after | tail -1) MB; load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
grep -c ' ERROR ' "$work/portal.log" | xargs -I{} echo "portal log ERROR lines: {}"
