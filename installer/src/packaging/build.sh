#!/usr/bin/env bash
# Builds the MediaNest app image (trimmed runtime + two launchers) and, on Linux, the .deb; prints sizes.
# Usage: ./mvnw -q package -DskipTests && installer/src/packaging/build.sh [--image-only]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jdk="$JAVA_HOME/bin"
out="$root/installer/target"
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
console_jar="$root/console-ui/target/medianest-console.jar"
server_jar="$root/embedded-server/target/medianest-server.jar"
image_only=false
[[ "${1:-}" == "--image-only" ]] && image_only=true
[[ -f "$console_jar" ]] || { echo "build.sh: $console_jar is missing; run ./mvnw -q package -DskipTests first" >&2; exit 1; }

rm -rf "$out/input" "$out/runtime" "$out/image" "$out/deb" "$out/jpackage-tmp" "$out/input-deb" "$out/runtime-deb" \
    "$out/image-deb"
mkdir -p "$out/input/lib" "$out/deb"
cp "$console_jar" "$out/input/"
cp "$root/console-ui/target/lib/"*.jar "$out/input/lib/"
# Test libraries never ship (a missing <scope>test</scope> once put Selenium and its 28 MB in the app).
shipped_tests=$(ls "$out/input/lib" | grep -E '^(selenium|junit|testfx|greenmail|archunit|axe-core|swagger-parser|json-schema-validator|assertj|mockito|opentest4j)' || true)
if [[ -n "$shipped_tests" ]]; then
    echo "build.sh: test libraries would ship in the app (give them <scope>test</scope>):" $shipped_tests >&2
    exit 1
fi
# JavaFX goes into the runtime as modules (no "unnamed module" warning); the empty non-classifier jars go away.
fx_jars=$(ls "$root/console-ui/target/lib/"javafx-*-linux.jar 2>/dev/null | tr '\n' ':' || true)
rm -f "$out/input/lib/"javafx-*.jar
console_main=$(unzip -p "$console_jar" META-INF/MANIFEST.MF | sed -n 's/^Main-Class: *//p' | tr -d '\r')

echo "== jdeps: modules the application needs"
mods=$("$jdk/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 \
        --class-path "$out/input/lib/*" "$out/input/medianest-console.jar" 2>/dev/null | tail -1)
# Not found by static analysis: TLS elliptic curves, unsupported (Caffeine/Netty-style Unsafe), JFR-free zipfs, DNS.
mods="$mods,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,jdk.localedata"
if [[ -n "$fx_jars" ]]; then
    mods="$mods,javafx.controls,javafx.graphics,javafx.base"
fi
echo "   $mods"

# The runtime's own class-data-sharing archive (the JDK classes, pre-parsed: a JVM start costs about 100 ms instead
# of 250 ms) is made by --generate-cds-archive, which runs the image's bin/java; but both launchers run with compact
# object headers, which can only use an archive made with them (classes_coh.jsa; jlink makes none, and without it
# the JVM silently starts with no archive at all). So the image's bin/java makes that one, and it replaces the two
# jlink made (classes.jsa, and classes_nocoops.jsa for heaps over 32 GB). The launchers do not need bin/, so it goes.
slim_runtime() {
    "$1/bin/java" -XX:+UseCompactObjectHeaders -Xshare:dump > "$1.cds.log" 2>&1 || { cat "$1.cds.log" >&2; exit 1; }
    rm -rf "$1/bin" "$1/lib/server/classes.jsa" "$1/lib/server/classes_nocoops.jsa" "$1.cds.log"
}
echo "== jlink: trimmed runtime"
"$jdk/jlink" --module-path "${fx_jars%:}" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --compress=zip-6 --include-locales=en --output "$out/runtime" > "$out/jlink.log" 2>&1 \
    || { cat "$out/jlink.log" >&2; exit 1; }
grep -v "No JDK Modules\|Created CDS archive" "$out/jlink.log" || true
slim_runtime "$out/runtime"

opts_file="$here/launcher-jvm-options"
common=(--name MediaNest --app-version "$version" --vendor "MediaNest" --input "$out/input"
        --main-jar medianest-console.jar --main-class "$console_main" --runtime-image "$out/runtime"
        --description "Home media server operations console with an embedded API server"
        --icon "$here/medianest.png" --add-launcher "medianest-server=$here/server-launcher.properties"
        --dest "$out/image" --temp "$out/jpackage-tmp")
while read -r o; do [[ -n "$o" && "$o" != \#* ]] && common+=(--java-options "$o"); done < "$opts_file"

echo "== jpackage: app image"
"$jdk/jpackage" --type app-image "${common[@]}"
cp "$here/linux/medianest-server.service" "$out/image/MediaNest/lib/"
install -m 755 "$here/aot-cache.sh" "$out/image/MediaNest/lib/"

if [[ "$image_only" == false && "$(uname -s)" == Linux ]] && command -v fakeroot >/dev/null; then
    # The .deb is xz-compressed: it gets an image with uncompressed modules and stored jars, which xz packs far
    # better than already-deflated data (about 48 MB instead of 63 MB; the installed size grows instead).
    echo "== .deb payload: uncompressed runtime modules and stored jars"
    "$jdk/jlink" --module-path "${fx_jars%:}" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
        --generate-cds-archive --compress=zip-0 --include-locales=en --output "$out/runtime-deb" \
        > "$out/jlink-deb.log" 2>&1 || { cat "$out/jlink-deb.log" >&2; exit 1; }
    slim_runtime "$out/runtime-deb"
    cp -r "$out/input" "$out/input-deb"
    python3 "$here/store-jars.py" "$out/input-deb"
    deb_args=()
    for ((i = 0; i < ${#common[@]}; i++)); do
        case "${common[i]}" in
            --input) deb_args+=(--input "$out/input-deb"); ((i++)) ;;
            --runtime-image) deb_args+=(--runtime-image "$out/runtime-deb"); ((i++)) ;;
            --dest) deb_args+=(--dest "$out/image-deb"); ((i++)) ;;
            --temp) deb_args+=(--temp "$out/jpackage-tmp"); ((i++)) ;;
            *) deb_args+=("${common[i]}") ;;
        esac
    done
    rm -rf "$out/jpackage-tmp"
    "$jdk/jpackage" --type app-image "${deb_args[@]}"
    cp "$here/linux/medianest-server.service" "$out/image-deb/MediaNest/lib/"
    install -m 755 "$here/aot-cache.sh" "$out/image-deb/MediaNest/lib/"
    echo "== jpackage: .deb"
    rm -rf "$out/jpackage-tmp"
    "$jdk/jpackage" --type deb --app-image "$out/image-deb/MediaNest" --name medianest --app-version "$version" \
        --vendor "MediaNest" --description "Home media server operations console with an embedded API server" \
        --linux-package-deps "libgtk-3-0" --linux-shortcut --linux-menu-group "AudioVideo;Network" \
        --linux-app-category video --resource-dir "$here/linux" --install-dir /opt --dest "$out/deb" \
        --temp "$out/jpackage-tmp"
fi

echo "== sizes"
image_mb=$(du -sm "$out/image/MediaNest" | cut -f1)
echo "app image: $out/image/MediaNest  ${image_mb} MB (target <= 130 MB)"
(( image_mb <= 130 )) || { echo "build.sh: the app image is over its 130 MB budget" >&2; exit 1; }
for d in "$out"/deb/*.deb; do
    if [[ -f "$d" ]]; then
        echo ".deb:      $d  $(( $(stat -c %s "$d") / 1024 / 1024 )) MB (target <= 50 MB)"
    fi
done
exit 0
