#!/usr/bin/env bash
# Builds the MediaNest app image (trimmed runtime + two launchers) and, on Linux, the .deb; prints sizes.
# Usage: installer/src/packaging/build.sh   (after ./mvnw -q package -DskipTests; or run ./mvnw -q package -DskipTests -Pinstallers)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jdk="$JAVA_HOME/bin"
out="$root/installer/target"
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
console_jar="$root/console-ui/target/medianest-console.jar"
server_jar="$root/embedded-server/target/medianest-server.jar"
[[ -f "$console_jar" ]] || { echo "build.sh: $console_jar is missing; run ./mvnw -q package -DskipTests first" >&2; exit 1; }

rm -rf "$out/input" "$out/runtime" "$out/image" "$out/deb" "$out/jpackage-tmp"
mkdir -p "$out/input/lib" "$out/deb"
cp "$console_jar" "$out/input/"
cp "$root/console-ui/target/lib/"*.jar "$out/input/lib/"
# JavaFX goes into the runtime as modules (no "unnamed module" warning); the empty non-classifier jars go away.
fx_jars=$(ls "$out/input/lib/"javafx-*-linux.jar 2>/dev/null | tr '\n' ':' || true)
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

echo "== jlink: trimmed runtime"
"$jdk/jlink" --module-path "${fx_jars%:}" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
    --strip-native-commands --compress=zip-6 --include-locales=en --output "$out/runtime" 2>&1 | grep -v "No JDK Modules" || true

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

if [[ "$(uname -s)" == Linux ]] && command -v fakeroot >/dev/null; then
    echo "== jpackage: .deb"
    rm -rf "$out/jpackage-tmp"
    "$jdk/jpackage" --type deb --app-image "$out/image/MediaNest" --name medianest --app-version "$version" \
        --vendor "MediaNest" --description "Home media server operations console with an embedded API server" \
        --linux-package-deps "libgtk-3-0" --linux-shortcut --linux-menu-group "AudioVideo;Network" \
        --linux-app-category video --resource-dir "$here/linux" --install-dir /opt --dest "$out/deb" \
        --temp "$out/jpackage-tmp"
fi

echo "== sizes"
image_mb=$(du -sm "$out/image/MediaNest" | cut -f1)
echo "app image: $out/image/MediaNest  ${image_mb} MB (target <= 130 MB)"
for d in "$out"/deb/*.deb; do
    [[ -f "$d" ]] && echo ".deb:      $d  $(( $(stat -c %s "$d") / 1024 / 1024 )) MB (target <= 50 MB)"
done
