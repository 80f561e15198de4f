#!/usr/bin/env bash
# The shutdown check (docs/operations.md): SIGTERM to the headless server (child JVM) with an outbox backlog
# for an Overseerr that never answers, a YouTube download running and clients writing; per round: exit within
# the grace period + 5 s, no ClosedByInterruptException or closed-database error in its output and logs, and a
# clean next start with every acknowledged request. Exits 1 if a round failed.
#   bench/shutdown-check.sh [--rounds 20]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
cp_file=embedded-server/target/shutdown-check.classpath

./mvnw -q -B test-compile dependency:build-classpath -pl embedded-server -am -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
exec java -cp "embedded-server/target/test-classes:embedded-server/target/classes:$(cat "$cp_file")" \
    app.medianest.server.durability.ShutdownCheck "$@"
