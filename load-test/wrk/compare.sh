#!/usr/bin/env bash
# Paired runs of wrk and medianest-loadtest against the same endpoint with the same concurrency; prints one table
# of p50/p95/p99 (ms) and their ratios (ours / wrk). Service time is compared: wrk does not correct for coordinated
# omission. The order alternates between pairs so neither tool always runs on a warmer or quieter machine.
#
# Usage: load-test/wrk/compare.sh URL [runs] [connections] [duration] [client]
#   e.g. load-test/wrk/compare.sh http://127.0.0.1:18080/delay 6 16 10s lean
# Needs wrk, jq, a JDK 25 `java` on PATH and a built load-test/target/medianest-loadtest.jar.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
url=${1:?usage: compare.sh URL [runs] [connections] [duration] [client]}
runs=${2:-6}; conns=${3:-16}; duration=${4:-10s}; client=${5:-lean}
base=${url%/*}; base=${base%/}; path=/${url#*://*/}
jar="$here/../target/medianest-loadtest.jar"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

run_wrk() {
    wrk --latency -t2 -c"$conns" -d"$duration" -s "$here/percentiles.lua" "$url" > "$work/wrk.txt"
    awk '/^p50 /{a=$2} /^p95 /{b=$2} /^p99 /{c=$2} /^requests /{r=$6} END{printf "%s %s %s %s", a, b, c, r}' \
        "$work/wrk.txt"
}
run_ours() {
    java -jar "$jar" --url "$base" --mix "$path" --users "$conns" --think 0 --warmup 5s --duration "$duration" \
        --client "$client" --quiet --out "$work/ours.json" > /dev/null || true
    jq -r '.overall | "\(.serviceTime.p50Ms) \(.serviceTime.p95Ms) \(.serviceTime.p99Ms) \(.throughputRps)"' \
        "$work/ours.json"
}

wrk -t2 -c"$conns" -d5s "$url" > /dev/null   # warm the server up
printf '| run | wrk p50 / p95 / p99 (ms) | wrk req/s | ours p50 / p95 / p99 (ms) | ours req/s | ratio p50 / p95 / p99 |\n'
printf '|---|---|---|---|---|---|\n'
for i in $(seq 1 "$runs"); do
    if (( i % 2 )); then w=$(run_wrk); o=$(run_ours); else o=$(run_ours); w=$(run_wrk); fi
    read -r w50 w95 w99 wrps <<< "$w"; read -r o50 o95 o99 orps <<< "$o"
    awk -v i="$i" -v w50="$w50" -v w95="$w95" -v w99="$w99" -v wr="$wrps" -v o50="$o50" -v o95="$o95" \
        -v o99="$o99" -v orr="$orps" 'BEGIN{printf "| %d | %.2f / %.2f / %.2f | %.0f | %.2f / %.2f / %.2f | %.0f | %.2f / %.2f / %.2f |\n",
        i, w50, w95, w99, wr, o50, o95, o99, orr, o50/w50, o95/w95, o99/w99}'
done
