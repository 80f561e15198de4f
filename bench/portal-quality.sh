#!/usr/bin/env bash
# The family portal's quality checks and figures (issue 14; docs/portal-quality.md):
#
#   bench/portal-quality.sh a11y         axe-core scan of every page (signed out, member, admin; phone and desktop)
#                                        and the keyboard walk; prints the tables pages x violations / controls
#   bench/portal-quality.sh weight       first visit to the home page with an empty cache (at most 150 KB,
#                                        posters excepted) and the static assets' compression, hashes and caching
#   bench/portal-quality.sh screenshots  writes docs/screenshots/portal/*.png from the real application
#   bench/portal-quality.sh load         the load generator's `portal` preset (20 family members, 1 s think time)
#                                        against `medianest-server demo`, with the bare /health route measured in the
#                                        same run (paired rounds); fails when a page's p99 is 25 ms or more
#
# The first three run tests of the embedded-server module (real server with the simulated upstreams, headless
# Chromium through /usr/bin/chromedriver); `load` builds the jars when missing and runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

PAGE_P99_LIMIT_MS=25

run_tests() {   # test classes -> prints their tables from the surefire output
    bench_java_env
    local rc=0
    ./mvnw -q -B verify -pl embedded-server -am -Dtest="$1" -Dsurefire.failIfNoSpecifiedTests=false >/dev/null 2>&1 \
        || rc=$?
    local cls
    for cls in ${1//,/ }; do
        local out=embedded-server/target/surefire-reports/app.medianest.server.portal.$cls-output.txt
        local summary=embedded-server/target/surefire-reports/app.medianest.server.portal.$cls.txt
        # in a run of several classes surefire may keep a class's output in its XML report instead
        [[ -s $out ]] || out=embedded-server/target/surefire-reports/TEST-app.medianest.server.portal.$cls.xml
        echo "== $cls"
        # the tables only: lines of the printed reports, not the server's log lines
        [[ -f $out ]] && grep -E '^(page |First visit|resource |total |Wrote |  [a-z-]+\.png|[a-z-]+ +(signed_out|member|admin) |/|http)' "$out" \
            | grep -vE '^\s+at |^/assets/.*Exception' || true
        [[ -f $summary ]] && grep -E 'Tests run|FAIL|AssertionFailed' "$summary" | head -20
    done
    return $rc
}

load() {
    bench_java_env
    bench_build
    BENCH_DIR=$(mktemp -d -t medianest-portal.XXXXXX)
    trap bench_cleanup EXIT
    export MEDIANEST_DATA_DIR=$BENCH_DIR/data MEDIANEST_HOST=127.0.0.1 MEDIANEST_LOG_LEVEL=WARNING
    export MEDIANEST_PORT=$(bench_free_port)
    BENCH_URL="http://127.0.0.1:$MEDIANEST_PORT"
    java -Xmx512m -jar "$SERVER_JAR" demo > "$BENCH_DIR/server.out" 2>&1 &
    BENCH_SERVER_PID=$!
    local password=""
    for _ in $(seq 1 300); do
        password=$(sed -n 's/.*with password \([^ ]*\) (shown only this once).*/\1/p' "$BENCH_DIR/server.out")
        [[ -n $password ]] && break
        kill -0 "$BENCH_SERVER_PID" 2>/dev/null || { tail -20 "$BENCH_DIR/server.out" >&2; bench_fail "demo died"; }
        sleep 0.2
    done
    [[ -n $password ]] || bench_fail "the demo did not start within 60 s"
    local admin member_password="family-$(date +%s)-pw"
    admin=$(bench_login demo-admin "$password")
    curl -fs -X POST "$BENCH_URL/api/v1/admin/users" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d "$(jq -n --arg p "$member_password" '{username: "family", password: $p, role: "user"}')" >/dev/null \
        || bench_fail "cannot create the family member"
    export MEDIANEST_LOADTEST_PASSWORD=$member_password
    local report=$BENCH_DIR/portal.json
    java -jar "$LOADTEST_JAR" --url "$BENCH_URL" --preset portal --warmup 10s --username family \
        --reference /health --reference-duration 30s --reference-rounds 6 --max-error-rate 0 --quiet \
        --out "$report" | grep -v '^ *$' || true
    [[ -f $report ]] || bench_fail "the load test wrote no report"
    echo
    echo "Same run, 20 family members, 1 s think time:"
    jq -r --argjson limit "$PAGE_P99_LIMIT_MS" '
        def page: (.endpoint | startswith("/api/") | not);
        ([.endpoints[] | select(page)] ) as $pages | ([.endpoints[] | select(page | not)]) as $api |
        "  pages (\($pages | map(.requests) | add) requests): p50 \([$pages[].responseTime.p50Ms] | max | . * 100 | round / 100) ms (worst page), p99 \([$pages[].responseTime.p99Ms] | max | . * 100 | round / 100) ms (worst page; limit \($limit) ms)",
        "  API calls (\($api | map(.requests) | add) requests): p99 \([$api[].responseTime.p99Ms] | max | . * 100 | round / 100) ms (worst endpoint)",
        "  bare /health (\(.baselineRatio.referenceRequests // "paired") rounds): p50 \(.baselineRatio.referenceResponseTime.p50Ms | . * 100 | round / 100) ms, p99 \(.baselineRatio.referenceResponseTime.p99Ms | . * 100 | round / 100) ms",
        "  errors: \(.overall.errors) of \(.overall.requests)"' "$report"
    local worst errors
    worst=$(jq '[.endpoints[] | select(.endpoint | startswith("/api/") | not) | .responseTime.p99Ms] | max' "$report")
    errors=$(jq '.overall.errors' "$report")
    bench_stop_server
    if [[ $errors != 0 ]] || awk -v w="$worst" -v l="$PAGE_P99_LIMIT_MS" 'BEGIN { exit !(w >= l) }'; then
        echo "FAILED: page p99 $worst ms (limit $PAGE_P99_LIMIT_MS ms), $errors errors"; exit 1
    fi
    echo "PASSED: every page's p99 is under $PAGE_P99_LIMIT_MS ms"
}

case "${1:-}" in
    a11y) run_tests PortalAccessibilityTest,PortalKeyboardTest ;;
    weight) run_tests PortalPageWeightTest ;;
    screenshots) run_tests PortalScreenshots ;;
    load) load ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
