# Shared helpers of bench/e2e.sh and bench/quick-check.sh: build, a fresh database (H2 file in a temp data dir,
# or a fresh PostgreSQL database on 127.0.0.1:5432), seeding, a headless server on a free port, and clean-up.
# Source it from the repository root; callers set BENCH_DIR (a temp dir) and call bench_cleanup on exit.

BENCH_ROOT=$(pwd)
SERVER_JAR=$BENCH_ROOT/embedded-server/target/medianest-server.jar
LOADTEST_JAR=$BENCH_ROOT/load-test/target/medianest-loadtest.jar
BENCHMARKS_JAR=$BENCH_ROOT/benchmarks/target/benchmarks.jar
BENCH_SERVER_PID=""
BENCH_PLEX_PID=""
BENCH_PG_DB=""

bench_log() { echo "bench: $*" >&2; }
bench_fail() { echo "bench: $*" >&2; exit 1; }

bench_java_env() {
    export JAVA_HOME=${JAVA_HOME_25:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}
    [[ -x "$JAVA_HOME/bin/java" && $("$JAVA_HOME/bin/java" -version 2>&1) == *'version "25'* ]] \
        || export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
    [[ -x "$JAVA_HOME/bin/java" ]] || bench_fail "a JDK 25 is required (set JAVA_HOME_25)"
    export PATH="$JAVA_HOME/bin:$PATH"
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
    for tool in curl jq; do command -v "$tool" >/dev/null || bench_fail "$tool is required (apt-get install $tool)"; done
}

# Builds the server, the load generator and the benchmarks module when a jar is missing (or with force=1).
bench_build() {
    local force=${1:-0}
    if [[ $force == 1 || ! -f $SERVER_JAR || ! -f $LOADTEST_JAR || ! -f $BENCHMARKS_JAR ]]; then
        bench_log "building (./mvnw package -DskipTests)"
        local modules=shared-model,fake-upstreams,embedded-server,load-test,benchmarks
        ./mvnw -q -B -o package -DskipTests -pl "$modules" >/dev/null 2>&1 \
            || ./mvnw -q -B package -DskipTests -pl "$modules" || bench_fail "build failed"
    fi
}

bench_free_port() {
    local port
    for port in $(seq "${1:-18400}" 18999); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    bench_fail "no free port"
}

# Chooses the database: h2 (a file in BENCH_DIR) or postgresql (a fresh database, dropped by bench_cleanup).
bench_database() {
    case "$1" in
        h2)
            unset MEDIANEST_DB_URL MEDIANEST_DB_USER MEDIANEST_DB_PASSWORD ;;
        postgresql)
            command -v psql >/dev/null || bench_fail "psql is required for PostgreSQL"
            BENCH_PG_DB="medianest_bench_$(date +%s)_$$"
            psql -q -h 127.0.0.1 -p 5432 -U "${PGUSER:-postgres}" -d postgres -c "CREATE DATABASE $BENCH_PG_DB" \
                >/dev/null || bench_fail "cannot create a database on 127.0.0.1:5432 as ${PGUSER:-postgres}"
            export MEDIANEST_DB_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_PG_DB"
            export MEDIANEST_DB_USER=${PGUSER:-postgres} ;;
        *) bench_fail "database must be h2 or postgresql, got '$1'" ;;
    esac
    export MEDIANEST_DATA_DIR=$BENCH_DIR/data
    mkdir -p "$MEDIANEST_DATA_DIR"
}

bench_seed() {   # users requests password
    java -jar "$SERVER_JAR" seed --users "$1" --requests "$2" --password "$3" > "$BENCH_DIR/seed.out" 2>&1 \
        || { cat "$BENCH_DIR/seed.out" >&2; bench_fail "seeding failed"; }
}

# One SQL query with a one-column, one-row answer, on whichever database is configured (server stopped for H2).
bench_sql() {
    if [[ -n "${MEDIANEST_DB_URL:-}" ]]; then
        psql -h 127.0.0.1 -p 5432 -U "$MEDIANEST_DB_USER" -d "$BENCH_PG_DB" -tA -c "$1"
    else
        java -cp "$(ls "$BENCH_ROOT"/embedded-server/target/lib/h2-*.jar)" org.h2.tools.Shell \
            -url "jdbc:h2:file:$MEDIANEST_DATA_DIR/medianest;DATABASE_TO_LOWER=TRUE" -user sa -password "" \
            -sql "$1" | awk 'NR == 2 { gsub(/^ +| +$/, ""); print }'
    fi
}

# The active user (role $1) with the most requests: the busiest family member.
bench_busiest_user() {
    bench_sql "SELECT u.username FROM users u LEFT JOIN media_requests r ON r.user_id = u.id
               WHERE u.role = '$1' AND u.status = 'active' GROUP BY u.username
               ORDER BY COUNT(r.id) DESC, u.username LIMIT 1"
}

# Starts the simulated Plex (for /api/v1/plex/libraries) and exports the server's Plex settings.
bench_start_fake_plex() {
    java -cp "$BENCHMARKS_JAR" app.medianest.fakes.FakePlexLauncher > "$BENCH_DIR/plex.out" 2>&1 &
    BENCH_PLEX_PID=$!
    local line=""
    for _ in $(seq 1 100); do
        line=$(grep -m1 '^url=' "$BENCH_DIR/plex.out" 2>/dev/null || true)
        [[ -n $line ]] && break
        kill -0 "$BENCH_PLEX_PID" 2>/dev/null || { cat "$BENCH_DIR/plex.out" >&2; bench_fail "fake Plex died"; }
        sleep 0.2
    done
    [[ -n $line ]] || bench_fail "fake Plex did not start"
    export MEDIANEST_PLEX_URL=$(sed 's/^url=\([^ ]*\) .*/\1/' <<< "$line")
    export MEDIANEST_PLEX_TOKEN=$(sed 's/.* token=//' <<< "$line")
}

# Starts the headless server on a free port with extra JVM options ($1) and waits for /health.
bench_start_server() {
    export MEDIANEST_HOST=127.0.0.1
    export MEDIANEST_PORT=$(bench_free_port)
    BENCH_URL="http://127.0.0.1:$MEDIANEST_PORT"
    # shellcheck disable=SC2086
    java ${1:-} -jar "$SERVER_JAR" serve > "$BENCH_DIR/server.out" 2>&1 &
    BENCH_SERVER_PID=$!
    for _ in $(seq 1 300); do
        if curl -fs "$BENCH_URL/health" 2>/dev/null | grep -q UP; then return; fi
        kill -0 "$BENCH_SERVER_PID" 2>/dev/null || { tail -20 "$BENCH_DIR/server.out" >&2; bench_fail "server died"; }
        sleep 0.2
    done
    bench_fail "server did not become healthy within 60 s"
}

bench_stop_server() {
    if [[ -n $BENCH_SERVER_PID ]]; then
        kill "$BENCH_SERVER_PID" 2>/dev/null || true
        wait "$BENCH_SERVER_PID" 2>/dev/null || true
        BENCH_SERVER_PID=""
    fi
}

bench_login() {   # username password -> token
    curl -fs -X POST "$BENCH_URL/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "$(jq -n --arg u "$1" --arg p "$2" '{username: $u, password: $p}')" | jq -r .data.token
}

bench_cleanup() {
    bench_stop_server
    if [[ -n $BENCH_PLEX_PID ]]; then kill "$BENCH_PLEX_PID" 2>/dev/null || true; wait "$BENCH_PLEX_PID" 2>/dev/null || true; fi
    if [[ -n $BENCH_PG_DB ]]; then
        psql -q -h 127.0.0.1 -p 5432 -U "${PGUSER:-postgres}" -d postgres \
            -c "DROP DATABASE IF EXISTS $BENCH_PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    [[ -n ${BENCH_DIR:-} && -d $BENCH_DIR && ${BENCH_KEEP:-0} != 1 ]] && rm -rf "$BENCH_DIR"
    return 0
}
