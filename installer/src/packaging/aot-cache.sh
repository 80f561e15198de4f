#!/bin/sh
# Records the headless server's ahead-of-time cache (JDK 25 AOT cache: classes loaded, linked and profiled once
# here instead of at every start; JEP 483/514/515) for an installed or built app image, and points the
# medianest-server launcher at it. The .deb's postinst runs it (the cache is made for the installed files, about
# 60 MB, which is why the app image and the .deb do not carry one); prerm runs it with --remove.
#
# Usage: aot-cache.sh [IMAGE_DIR] [--remove]     IMAGE_DIR defaults to the image this script is installed in
# Training: `medianest-server train` (a fresh temporary H2 database on 127.0.0.1, the main routes, then stop).
# If the cache is missing or does not match the installed files, the JVM ignores it; nothing else changes.
set -eu
image=${1:-$(cd "$(dirname "$0")/.." && pwd)}
app="$image/lib/app"
cfg="$app/medianest-server.cfg"
cache="$app/medianest-server.aot"
conf="$app/medianest-server.aotconf"
# The JVM options that use the cache. JDK 25.0.3 warns at every start that one adapter stub in the cache cannot be
# linked (it is made again, harmlessly); only errors of the aot log tags are shown, e.g. a cache that no longer
# matches the installed files (the JVM then starts without it).
lines='java-options=-XX:AOTCache=$APPDIR/medianest-server.aot
java-options=-Xlog:aot*=error'
[ -f "$cfg" ] || { echo "aot-cache: no medianest-server launcher in $image" >&2; exit 1; }

# Not pointed at a cache while (re)making it: a launcher option would override the training options.
grep -v -e '-XX:AOTCache=' -e '-Xlog:aot' "$cfg" > "$cfg.tmp" || true
cat "$cfg.tmp" > "$cfg"
rm -f "$cfg.tmp" "$cache" "$conf"
[ "${2:-}" = "--remove" ] && exit 0

log="$app/medianest-server.aot.log"
if ! JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$conf" "$image/bin/medianest-server" train \
        > "$log" 2>&1; then
    cat "$log" >&2; rm -f "$log" "$conf"; echo "aot-cache: the training run failed" >&2; exit 1
fi
if ! JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$conf -XX:AOTCache=$cache" \
        "$image/bin/medianest-server" > "$log" 2>&1 || [ ! -s "$cache" ]; then
    cat "$log" >&2; rm -f "$log" "$conf" "$cache"; echo "aot-cache: creating the cache failed" >&2; exit 1
fi
rm -f "$log" "$conf"
# [JavaOptions] is the launcher configuration's last section.
printf '%s\n' "$lines" >> "$cfg"
echo "aot-cache: $cache ($(($(wc -c < "$cache") / 1048576)) MB)"
