# Shared by the portal's benchmarks (sourced): the request list, wrk runs, the JIT warm-up, CPU ticks.
# Expects: $root (the checkout), $work (a scratch folder), $index (the alias searched).

# bench_requests OUT: one line per query of portal/src/bench/queries.txt, PATH<TAB>JSON, where JSON
# is the exact Elasticsearch request body the portal builds for PATH (BenchRequests).
bench_requests() {
  (cd "$root" && { mvn -q -o test-compile -pl portal 2>/dev/null || mvn -q test-compile -pl portal; } \
    && { mvn -q -o dependency:build-classpath -pl portal -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
      || mvn -q dependency:build-classpath -pl portal -Dmdep.outputFile="$work/cp.txt" >/dev/null; })
  bench_java org.wenshi.portal.search.bench.BenchRequests "$root/portal/src/bench/queries.txt" "$index" > "$1"
}

# bench_java CLASS ARGS...: a class of the portal's test sources, with the portal's classpath.
bench_java() {
  java -cp "$root/portal/target/test-classes:$root/portal/target/classes:$(cat "$work/cp.txt")" "$@"
}

# wrk_load URL TARGET CONNECTIONS SECONDS: wrk rotating the requests of $work/requests.tsv, as GETs
# of the portal's paths (TARGET=portal) or as POSTs of the bodies to Elasticsearch (TARGET=es).
# Prints wrk's output, ending with a line "RESULT p50_ms=… requests=… errors=…".
wrk_load() {
  REQUESTS="$work/requests.tsv" TARGET="$2" INDEX="$index" wrk -t2 -c"$3" -d"$4s" --timeout 10s \
    -s "$root/portal/src/bench/bench.lua" "$1"
}

# cpu_ticks PID: user + system CPU of a process so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# warm_portal PID URL: loads a portal in 10 s rounds until its JIT compiler has settled (less than
# 0.2 s of compilation in a round, read with jstat; at most 30 rounds) and prints the rounds. A cold
# JVM spends most of its CPU compiling for the first minutes under load on 2 cores, which a short
# warm-up would count as the cost of every search.
warm_portal() {
  local rounds=0 before
  for _ in $(seq 1 30); do
    before=$(jstat -compiler "$1" | awk 'NR == 2 { print $4 }')
    wrk_load "$2" portal 8 10 >/dev/null
    rounds=$((rounds + 1))
    awk -v a="$before" -v b="$(jstat -compiler "$1" | awk 'NR == 2 { print $4 }')" 'BEGIN { exit !(b - a < 0.2) }' && break
  done
  echo "$rounds"
}

# wait_ready URL [PATH]: waits up to 2 minutes for a 200 from URL/PATH (default /actuator/health).
wait_ready() {
  for _ in $(seq 1 120); do curl -sf "$1${2:-/actuator/health}" >/dev/null && return 0; sleep 1; done
  echo "no answer from $1${2:-/actuator/health}" >&2
  return 1
}
