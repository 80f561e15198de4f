#!/usr/bin/env bash
# The crash check (docs/operations.md): the headless server in a child JVM, 8 concurrent writers creating
# media requests over HTTP, kill -9 at a random moment, restart, every 201 looked up. Prints "lost: N" per
# round and the totals; exits 1 if anything acknowledged was lost.
#   bench/crash-check.sh [--h2-rounds 20] [--pg-rounds 5] [--writers 8] [--seed N]
# PostgreSQL rounds use MEDIANEST_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test) and
# MEDIANEST_TEST_PG_USER; without the URL they are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cp_file=embedded-server/target/crash-check.classpath

./mvnw -q -B test-compile dependency:build-classpath -pl embedded-server -am -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
exec java -cp "embedded-server/target/test-classes:embedded-server/target/classes:$(cat "$cp_file")" \
    app.medianest.server.durability.CrashCheck "$@"
