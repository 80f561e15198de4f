#!/usr/bin/env bash
# Database size (docs/operations.md): seeds a fresh H2 database with 1,000 users and 100,000 requests and prints
# the file size; with --soak DURATION (e.g. 60m) then runs the strategy load (20 users, 1 s think time) against
# a server on it for that long and prints the size after it and the growth in percent.
#   bench/db-size.sh [--users 1000] [--requests 100000] [--soak 60m]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
users=1000; requests=100000; soak=""
while (($#)); do
    case "$1" in
        --users) users=$2; shift 2 ;;
        --requests) requests=$2; shift 2 ;;
        --soak) soak=$2; shift 2 ;;
        *) bench_fail "unknown option $1 (see the header of $0)" ;;
    esac
done
bench_java_env
bench_build
BENCH_DIR=$(mktemp -d -t medianest-size.XXXXXX)
trap bench_cleanup EXIT
export MEDIANEST_LOADTEST_PASSWORD="size-check-$(date +%s)"
bench_database h2
started=$(date +%s)
bench_seed "$users" "$requests" "$MEDIANEST_LOADTEST_PASSWORD"
cat "$BENCH_DIR/seed.out" | grep -v '^20..-' || true
file=$MEDIANEST_DATA_DIR/medianest.mv.db
seeded=$(stat -c %s "$file")
echo "size after the seed ($users users, $requests requests, $(( $(date +%s) - started )) s): $(( seeded / 1000000 )) MB"
if [[ -n $soak ]]; then
    user=$(bench_busiest_user user)
    bench_start_server "-Xmx512m"
    java -jar "$LOADTEST_JAR" --url "$BENCH_URL" --preset strategy --duration "$soak" --think 1s \
        --username "$user" --quiet --out "$BENCH_DIR/soak.json" > "$BENCH_DIR/soak.out" 2>&1 || true
    bench_stop_server
    after=$(stat -c %s "$file")
    echo "size after a $soak soak: $(( after / 1000000 )) MB (growth $(( (after - seeded) * 100 / seeded ))%)"
fi
