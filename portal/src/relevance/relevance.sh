#!/usr/bin/env bash
# Relevance of the portal's ranking on the sample archive: nDCG@10 and MRR over the judged queries
# of judgments.tsv. Regenerates the sample archive (deterministic) under its own WENSHI_HOME, ingests
# it into an index of its own (deleted first, so the index is exactly the current sample), starts the
# packaged portal on that index, runs the judged queries through /api/search, prints the figures and
# stops the portal. Run from anywhere; builds the jars first when they are missing.
#   portal/src/relevance/relevance.sh            (WENSHI_RELEVANCE_HOME, default /tmp/wenshi-relevance)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
home="${WENSHI_RELEVANCE_HOME:-/tmp/wenshi-relevance}"
index="wenshi-relevance"
port="${RELEVANCE_PORT:-18190}"
cd "$root"
if [[ ! -f ingest/target/wenshi-ingest.jar || ! -f portal/target/wenshi-portal.jar ]]; then
  mvn -q package -DskipTests -pl ingest,portal -am
fi
mvn -q -o test-compile -pl portal 2>/dev/null || mvn -q test-compile -pl portal
mvn -q -o dependency:build-classpath -pl portal -Dmdep.outputFile="$home/classpath.txt" >/dev/null 2>&1 \
  || { mkdir -p "$home"; mvn -q dependency:build-classpath -pl portal -Dmdep.outputFile="$home/classpath.txt" >/dev/null; }
mkdir -p "$home"
export WENSHI_HOME="$home"
unset WENSHI_ES_URL WENSHI_INDEX
# Start the home's node first, so the old index really is deleted (a stopped node would keep it).
java -jar deploy/local-node/target/wenshi-local-node.jar start --home "$home" >&2
es_url="$(sed -n 's/^url=//p' "$home/elasticsearch/node.properties" | sed 's/\\//g')"
curl -sf -o /dev/null -X DELETE "$es_url/$index-v1" || echo "(no index $index-v1 to delete)" >&2
echo "== ingesting the sample archive into '$index' under $home" >&2
java -jar ingest/target/wenshi-ingest.jar --sample --index "$index" | tail -1 >&2
java -jar portal/target/wenshi-portal.jar --server.port="$port" --wenshi.index="$index" >"$home/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -sf "http://localhost:$port/actuator/health" >/dev/null; then break; fi
  sleep 1
done
curl -sf "http://localhost:$port/actuator/health" >/dev/null || { echo "portal did not become healthy; see $home/portal.log" >&2; exit 1; }
echo "== sample: $(curl -s "http://localhost:$port/api/search?size=1" | sed -n 's/^{"total":\([0-9]*\).*/\1/p') documents; $(date -u +%FT%TZ)" >&2
java -cp "portal/target/test-classes:portal/target/classes:$(cat "$home/classpath.txt")" \
  org.wenshi.portal.search.relevance.RelevanceEvaluation portal/src/relevance/judgments.tsv "http://localhost:$port"
