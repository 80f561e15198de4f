#!/usr/bin/env bash
# Data size (issue 19): two fresh databases (H2 files, or PostgreSQL databases on 127.0.0.1:5432 with
# `postgresql`, dropped afterwards), one seeded with 1,000 users and 100,000 requests, one with 10,000
# users and 1,000,000 requests (both seeding times printed), two headless servers started with the plain command
# side by side, then every list route (first page, 2,000 rows deep, each filter and sort), the dashboard and the
# admin statistics on both in interleaved rounds, the two servers taking turns request by request, 10,000 samples per
# route and server by default (benchmarks: app.medianest.benchmarks.DataSizeRoutes): p50, p99
# and the ratio of the million's p99 to the 100k's (target <= 1.3), with /health as the reference.
#
# The response and data caches are switched off on both servers (feature flags), so that every request reaches the
# database; --caches keeps them on (then the cached routes measure cache hits).
#
# Usage: bench/data-size.sh [h2|postgresql] [--small N] [--large N] [--requests N] [--rounds R] [--caches] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

SMALL=100000; LARGE=1000000; REQUESTS=1000; ROUNDS=10; DB=h2; CACHES=0
while (($#)); do
    case "$1" in
        h2|postgresql) DB=$1; shift ;;
        --small) SMALL=$2; shift 2 ;;
        --large) LARGE=$2; shift 2 ;;
        --requests) REQUESTS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --caches) CACHES=1; shift ;;
        --keep) BENCH_KEEP=1; shift ;;
        *) bench_fail "unknown option $1 (see the header of $0)" ;;
    esac
done

bench_java_env
bench_build
BENCH_DIR=$(mktemp -d -t medianest-size.XXXXXX)
SECOND_PID=""; PG_DBS=()
cleanup() {
    if [[ -n $SECOND_PID ]]; then kill "$SECOND_PID" 2>/dev/null || true; wait "$SECOND_PID" 2>/dev/null || true; fi
    bench_cleanup
    for db in "${PG_DBS[@]}"; do
        psql -q -h 127.0.0.1 -p 5432 -U "${PGUSER:-postgres}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
            >/dev/null 2>&1 || true
    done
}
trap cleanup EXIT
export MEDIANEST_LOG_LEVEL=WARNING
password="size-$(date +%s)"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

declare -A URL ADMIN USER DBURL
for size in "$SMALL" "$LARGE"; do
    users=$((size / 100)); ((users < 1000)) && users=1000
    bench_database "$DB"
    if [[ $DB == postgresql ]]; then PG_DBS+=("$BENCH_PG_DB"); DBURL[$size]=$MEDIANEST_DB_URL; fi
    export MEDIANEST_DATA_DIR=$BENCH_DIR/data-$size
    mkdir -p "$MEDIANEST_DATA_DIR"
    start=$(date +%s.%N)
    bench_seed "$users" "$size" "$password"
    echo "seed --users $users --requests $size: $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s" \
         "(load average $(cut -d' ' -f1 /proc/loadavg)): $(cat "$BENCH_DIR/seed.out")"
    [[ $DB == postgresql ]] && psql -q -h 127.0.0.1 -U "${PGUSER:-postgres}" -d "$BENCH_PG_DB" -c ANALYZE
    ADMIN[$size]=$(bench_busiest_user admin)
    USER[$size]=$(bench_busiest_user user)
done
BENCH_PG_DB=""   # dropped by cleanup, both of them

# Both servers run at once, so that the rounds interleave and share the machine's moods.
for size in "$SMALL" "$LARGE"; do
    export MEDIANEST_DATA_DIR=$BENCH_DIR/data-$size
    [[ $DB == postgresql ]] && export MEDIANEST_DB_URL=${DBURL[$size]}
    bench_start_server ""                   # the plain command: the server's own default memory settings
    URL[$size]=$BENCH_URL
    a=$(bench_login "${ADMIN[$size]}" "$password"); u=$(bench_login "${USER[$size]}" "$password")
    [[ -n $a && $a != null && -n $u && $u != null ]] || bench_fail "cannot sign in on the $size server"
    ADMIN[$size]=$a; USER[$size]=$u
    if ((CACHES == 0)); then
        curl -fs -X PUT -H "Authorization: Bearer $a" -H 'Content-Type: application/json' \
            -d '{"response-cache": false, "data-cache": false}' "$BENCH_URL/api/v1/admin/feature-flags" > /dev/null \
            || bench_fail "cannot switch the caches off"
    fi
    if [[ $size == "$SMALL" ]]; then SECOND_PID=$BENCH_SERVER_PID; BENCH_SERVER_PID=""; fi
done

label() { awk -v n="$1" 'BEGIN { if (n >= 1000000) printf "%gM", n / 1000000; else printf "%gk", n / 1000 }'; }
java -cp "$BENCHMARKS_JAR" app.medianest.benchmarks.DataSizeRoutes \
    --server "$(label "$SMALL")=${URL[$SMALL]},${ADMIN[$SMALL]},${USER[$SMALL]}" \
    --server "$(label "$LARGE")=${URL[$LARGE]},${ADMIN[$LARGE]},${USER[$LARGE]}" \
    --requests "$REQUESTS" --rounds "$ROUNDS" && ok=1 || ok=0
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in "$SMALL" "$LARGE"; do
    pid=$([[ $size == "$SMALL" ]] && echo "$SECOND_PID" || echo "$BENCH_SERVER_PID")
    echo "server with $(label "$size") requests: resident $(awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' /proc/"$pid"/status)"
done
((ok)) || bench_fail "FAILED: see above"
