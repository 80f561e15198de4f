#!/usr/bin/env bash
# Paired runs of wrk and medianest-loadtest against the same endpoint with the same concurrency; prints one table
# of p50/p95/p99 (ms), throughput, and their ratios (ours / wrk). The latencies as measured are compared, from
# the write of a request to the last byte of its response: medianest-loadtest's service time, and wrk's latencies
# with wrk's own coordinated-omission correction undone (wrk 4 adds n-E, n-2E, ... for every latency n >= 2E,
# E = run time / requests per connection, before its script sees them; percentiles.lua recovers the measured
# counts exactly). The order alternates between pairs so neither tool always runs on a warmer or quieter
# machine. With think time, both sides wait that long after each response before the connection's next request
# (wrk through percentiles.lua's delay()); the ours' throughput is the one while all users run.
# Both send the same request: wrk gets the generator's User-Agent and Accept headers (LeanTransport; a test keeps
# them in step). Without them the server answered the generator's requests some 60 us slower at 20 requests a
# second, the code for those headers less warm than wrk's, the warm-up included.
# The verdict reads each tool's percentiles over all its runs' requests pooled (both write every latency they
# measured, as "microseconds count" lines): a run's own p99 is its 1 % slowest requests, a few dozen with think time,
# and moves by 2x between runs of the same tool; pooled, each tool's p99 rests on all its runs' requests, measured
# in the same alternating minutes as the other's. The per-run table and the medians of the runs' figures stay printed.
# With think time, order "together" runs each pair at the same time instead of one after the other (each tool its own
# connections, wrk started once the generator's warm-up is over), so both meet the same moments of a shared machine:
# at 20 requests a second the server idles between requests and the two add little load to each other, while a
# virtual machine's tail moves by 2-3x from one minute to the next. At saturation the two would share the CPU, so
# "together" needs think time.
#
# Usage: load-test/wrk/compare.sh URL [runs] [connections] [duration] [client] [think] [bearer-token] [threads]
#                                 [alternate|together]
#   e.g. load-test/wrk/compare.sh http://127.0.0.1:18080/delay 6 16 10s lean
#        load-test/wrk/compare.sh http://127.0.0.1:18080/health 6 8 10s lean 0               (saturation)
#        load-test/wrk/compare.sh http://127.0.0.1:4000/api/v1/auth/session 4 20 30s lean 1s "$TOKEN"
# Needs wrk, jq, a JDK 25 `java` on PATH and a built load-test/target/medianest-loadtest.jar.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
url=${1:?usage: compare.sh URL [runs] [connections] [duration] [client] [think] [bearer-token] [threads] [order]}
runs=${2:-6}; conns=${3:-16}; duration=${4:-10s}; client=${5:-lean}; think=${6:-0}; token=${7:-}; threads=${8:-auto}
order=${9:-alternate}
base=${url%%/api/*}; base=${base%/health}; base=${base%/delay}; path=${url#"$base"}
think_ms=$(awk -v t="$think" 'BEGIN { if (t ~ /ms$/) print t + 0; else if (t ~ /s$/) print t * 1000; else print t + 0 }')
export WRK_THINK_MS=$think_ms WRK_BEARER=$token WRK_CONNECTIONS=$conns
case $order in
    alternate) ;;
    together) (( think_ms > 0 )) || { echo "order together needs think time (at saturation the tools would share the CPU)" >&2; exit 2; } ;;
    *) echo "order: alternate or together, got '$order'" >&2; exit 2 ;;
esac
jar="$here/../target/medianest-loadtest.jar"
same_request=(-H "User-Agent: medianest-loadtest/0.1" -H "Accept: application/json")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

run_wrk() {
    WRK_LATENCIES_OUT="$work/wrk.lat" wrk --latency -t2 -c"$conns" -d"$duration" "${same_request[@]}" -s "$here/percentiles.lua" "$url" \
        > "$work/wrk.txt"
    grep -v '^#' "$work/wrk.lat" >> "$work/wrk.pool"
    awk '/^p50 /{a=$2} /^p95 /{b=$2} /^p99 /{c=$2} /^requests /{r=$6} END{printf "%s %s %s %s", a, b, c, r}' \
        "$work/wrk.txt"
}
run_ours() {
    local auth=()
    [[ -n $token ]] && auth=(--token "$token")
    java -jar "$jar" --url "$base" --mix "$path" --users "$conns" --think "$think" --warmup 5s --duration "$duration" \
        --client "$client" --threads "$threads" "${auth[@]}" --quiet --out "$work/ours.json" \
        --latencies "$work/ours.lat" > /dev/null || true
    grep -v '^#' "$work/ours.lat" >> "$work/ours.pool"
    jq -r '"\(.overall.serviceTime.p50Ms) \(.overall.serviceTime.p95Ms) \(.overall.serviceTime.p99Ms) \(.sustainThroughputRps)"' \
        "$work/ours.json"
}

# Warm the server up at saturation, whatever the think time: at 20 requests a second its just-in-time compilers
# would still be at work during the first pairs, and those would be slower for whichever tool ran first.
WRK_THINK_MS=0 wrk -t2 -c"$conns" -d10s "${same_request[@]}" -s "$here/percentiles.lua" "$url" > /dev/null
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); $url; $conns connections, $duration each," \
     "think $think, client $client, threads $threads, order $order"
printf '| run | wrk p50 / p95 / p99 (ms) | wrk req/s | ours p50 / p95 / p99 (ms) | ours req/s | ratio p50 / p95 / p99 | throughput ratio |\n'
printf '|---|---|---|---|---|---|---|\n'
for i in $(seq 1 "$runs"); do
    if [[ $order == together ]]; then
        run_ours > "$work/ours.out" & ours_pid=$!
        sleep 6   # the generator's start and its 5 s warm-up: then both measure the same seconds
        w=$(run_wrk); wait "$ours_pid"; o=$(cat "$work/ours.out")
    elif (( i % 2 )); then w=$(run_wrk); o=$(run_ours); else o=$(run_ours); w=$(run_wrk); fi
    echo "$w" >> "$work/wrk.all"; echo "$o" >> "$work/ours.all"
    read -r w50 w95 w99 wrps <<< "$w"; read -r o50 o95 o99 orps <<< "$o"
    awk -v i="$i" -v w50="$w50" -v w95="$w95" -v w99="$w99" -v wr="$wrps" -v o50="$o50" -v o95="$o95" \
        -v o99="$o99" -v orr="$orps" 'BEGIN{printf "| %d | %.2f / %.2f / %.2f | %.0f | %.2f / %.2f / %.2f | %.0f | %.2f / %.2f / %.2f | %.2f |\n",
        i, w50, w95, w99, wr, o50, o95, o99, orr, o50/w50, o95/w95, o99/w99, orr/wr}'
done
# The verdict compares the medians over all runs of each tool: one run's percentiles move between runs of the same
# tool (its spread, max/min over the runs, is printed as the noise floor the 25 % target has to be read against).
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
summary=()
for col in 1 2 3 4; do
    wm=$(cut -d' ' -f"$col" "$work/wrk.all" | median); om=$(cut -d' ' -f"$col" "$work/ours.all" | median)
    spread=$(cut -d' ' -f"$col" "$work/wrk.all" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f", hi / lo }')
    summary+=("$wm" "$om" "$spread")
done
# p50, p95 and p99 (ms) and the count of the pooled latencies, ranked as wrk ranks (the value at round(p * n + 0.5)).
pooled() {
    sort -n -k1,1 "$1" | awk '{ v[NR] = $1; c[NR] = $2; n += $2 }
        END { split("50 95 99", p, " "); k = 1; seen = 0
              for (i = 1; i <= NR && k <= 3; i++) { seen += c[i]
                  while (k <= 3 && seen >= int(p[k] / 100 * n + 1)) { r[k] = v[i] / 1000; k++ } }
              printf "%.3f %.3f %.3f %d", r[1], r[2], r[3], n }'
}
read -r pw50 pw95 pw99 pwn <<< "$(pooled "$work/wrk.pool")"
read -r po50 po95 po99 pon <<< "$(pooled "$work/ours.pool")"
awk -v s="${summary[*]}" -v pw="$pw50 $pw95 $pw99 $pwn" -v po="$po50 $po95 $po99 $pon" 'BEGIN { split(s, v, " ");
    split(pw, w, " "); split(po, o, " ");
    printf "| median of %s runs | %.2f / %.2f / %.2f | %.0f | %.2f / %.2f / %.2f | %.0f | %.2f / %.2f / %.2f | %.2f |\n",
        "'"$runs"'", v[1], v[4], v[7], v[10], v[2], v[5], v[8], v[11], v[2] / v[1], v[5] / v[4], v[8] / v[7], v[11] / v[10];
    printf "| all runs pooled (%d / %d requests) | %.2f / %.2f / %.2f | %.0f | %.2f / %.2f / %.2f | %.0f | %.2f / %.2f / %.2f | %.2f |\n",
        w[4], o[4], w[1], w[2], w[3], v[10], o[1], o[2], o[3], v[11], o[1] / w[1], o[2] / w[2], o[3] / w[3], v[11] / v[10];
    printf "wrk run-to-run spread (max / min over the runs): p50 %.2f, p95 %.2f, p99 %.2f, throughput %.2f\n",
        v[3], v[6], v[9], v[12];
    ok = v[11] / v[10] >= 0.8;
    for (i = 1; i <= 3; i++) { r = o[i] / w[i]; if (r < 0.75 || r > 1.25) ok = 0 }
    print (ok ? "verdict: agree (median throughput >= 0.8 of wrk, pooled p50/p95/p99 within 25 %)" \
              : "verdict: differ (median throughput < 0.8 of wrk or a pooled percentile off by more than 25 %)") }'
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
