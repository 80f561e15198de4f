#!/bin/sh
# Fake yt-dlp for MediaNest tests and demo mode (see shared/docs/upstreams.md section 5).
# Supports metadata (-j / -J, --flat-playlist) and download (--newline, --progress, --progress-template,
# -o, -P, --print [after_move:]FIELD) modes and prints yt-dlp's line shapes.
# Behaviour is steered by environment variables:
#   FAKE_YTDLP_DELAY_MS      pause per progress step and before metadata output (default 300)
#   FAKE_YTDLP_STEPS         progress steps of the video part (default 10; the audio part takes half as many)
#   FAKE_YTDLP_SIZE          bytes written per video (default 5997568, "5.72MiB")
#   FAKE_YTDLP_TITLE         video title (default "Fake Video <id>")
#   FAKE_YTDLP_DURATION      duration in seconds (default 213)
#   FAKE_YTDLP_FAIL=1        fail every URL: ERROR line on stderr, exit 1
#   FAKE_YTDLP_FAIL_AT_STEP  fail the download after this many progress steps (exit 1, .part left behind)
#   FAKE_YTDLP_WARN=1        print a WARNING line on stderr (not a failure)
#   FAKE_YTDLP_PLAYLIST_SIZE entries of a playlist URL (one with list=), default 3
#   FAKE_YTDLP_LOG           append each invocation's arguments (tab separated) to this file
set -u

delay_ms=${FAKE_YTDLP_DELAY_MS:-300}
steps=${FAKE_YTDLP_STEPS:-10}
total=${FAKE_YTDLP_SIZE:-5997568}
duration=${FAKE_YTDLP_DURATION:-213}
playlist_size=${FAKE_YTDLP_PLAYLIST_SIZE:-3}
delay_s=$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')

if [ -n "${FAKE_YTDLP_LOG:-}" ]; then
    for arg in "$@"; do printf '%s\t' "$arg"; done >> "$FAKE_YTDLP_LOG"
    printf '\n' >> "$FAKE_YTDLP_LOG"
fi

child=
on_signal() {
    [ -n "$child" ] && kill "$child" 2>/dev/null
    # A signal between starting a pause and noting its pid would leave that sleep running: end every child.
    pkill -TERM -P $$ 2>/dev/null || true
    exit "$1"
}
trap 'on_signal 143' TERM
trap 'on_signal 130' INT

pause() {
    sleep "$delay_s" &
    child=$!
    wait "$child"
    child=
}

usage_error() {
    printf 'Usage: yt-dlp [OPTIONS] URL [URL...]\n\nyt-dlp: error: %s\n' "$1" >&2
    exit 2
}

mode=download
flat=no
playlist=auto
newline=no
progress=auto
quiet=no
simulate=no
print_tpl=
out_tpl='%(title)s [%(id)s].%(ext)s'
paths=
progress_tpl=
ext=
urls=
while [ $# -gt 0 ]; do
    case "$1" in
        -j|--dump-json) mode=json ;;
        -J|--dump-single-json) mode=single ;;
        --flat-playlist) flat=yes ;;
        --no-playlist) playlist=no ;;
        --yes-playlist) playlist=yes ;;
        --newline) newline=yes ;;
        --progress) progress=yes ;;
        --no-progress) progress=no ;;
        -q|--quiet) quiet=yes ;;
        -s|--simulate|--skip-download) simulate=yes ;;
        --no-simulate) simulate=never ;;
        --version) echo "2025.09.26"; exit 0 ;;
        -O|--print) [ $# -ge 2 ] || usage_error "$1 option requires an argument"; print_tpl=$2; shift ;;
        -o|--output) [ $# -ge 2 ] || usage_error "$1 option requires an argument"; out_tpl=$2; shift ;;
        -P|--paths) [ $# -ge 2 ] || usage_error "$1 option requires an argument"; paths=$2; shift ;;
        --progress-template) [ $# -ge 2 ] || usage_error "$1 option requires an argument"; progress_tpl=$2; shift ;;
        --merge-output-format|--remux-video|--recode-video)
            [ $# -ge 2 ] || usage_error "$1 option requires an argument"; ext=${2%%[/>]*}; shift ;;
        -f|--format|-S|--format-sort|-I|--playlist-items|--color|-r|--limit-rate|--socket-timeout|-R|--retries \
            |--user-agent|--cookies|--ffmpeg-location|-N|--concurrent-fragments|--proxy|--referer|--add-header \
            |--sleep-interval|--max-downloads|--download-archive|--sub-langs|--convert-subs|--audio-format \
            |--extractor-args|--impersonate|--match-filters|--min-filesize|--max-filesize)
            [ $# -ge 2 ] || usage_error "$1 option requires an argument"; shift ;;
        --ignore-config|--no-update|--no-warnings|--no-color|--restrict-filenames|--no-mtime|--no-part \
            |--embed-metadata|--embed-thumbnail|--embed-subs|--write-thumbnail|--write-subs|--write-auto-subs \
            |-v|--verbose|--no-check-certificates|--abort-on-error|--no-abort-on-error|-w|--no-overwrites \
            |--force-overwrites|-c|--continue|--no-continue|-i|--ignore-errors|--no-cache-dir|--force-ipv4 \
            |-4|-6|--force-ipv6|--no-colors|--console-title|--windows-filenames|--trim-filenames|-x \
            |--extract-audio|--prefer-free-formats|--no-progress-template|--break-on-existing|--quiet-warnings) ;;
        --) shift; for u in "$@"; do urls="$urls$u
"; done; break ;;
        -*) usage_error "no such option: $1" ;;
        *) urls="$urls$1
" ;;
    esac
    shift
done

[ -n "$urls" ] || { printf 'ERROR: You must provide at least one URL.\nType yt-dlp --help to see a list of all options.\n' >&2; exit 2; }

if [ -n "$print_tpl" ]; then
    quiet=yes
    case "$print_tpl" in
        after_move:*|post_process:*|after_video:*) ;;
        *) [ "$simulate" = never ] || simulate=yes ;;
    esac
fi
[ "$progress" = auto ] && { [ "$quiet" = yes ] && progress=no || progress=yes; }
[ "$simulate" = never ] && simulate=no
[ -n "$ext" ] || ext=mp4
if [ "$newline" = yes ]; then eol='\n'; bol=''; else eol=''; bol='\r'; fi

[ "${FAKE_YTDLP_WARN:-0}" = 1 ] && printf 'WARNING: [youtube] Falling back to generic n function search\n' >&2

json_escape() {
    printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'
}

sed_escape() {
    printf '%s' "$1" | sed -e 's/[\/&|]/\\&/g'
}

video_id() {
    case "$1" in
        *[?\&]v=*) printf '%s' "$1" | sed -e 's/.*[?&]v=\([A-Za-z0-9_-]*\).*/\1/' ;;
        *youtu.be/*) printf '%s' "$1" | sed -e 's#.*youtu\.be/\([A-Za-z0-9_-]*\).*#\1#' ;;
        *) printf '%s' "$1" | sed -e 's/[?#].*//' -e 's#/*$##' -e 's#.*/##' -e 's/\.[A-Za-z0-9]*$//' ;;
    esac
}

playlist_id() {
    printf '%s' "$1" | sed -e 's/.*[?&]list=\([A-Za-z0-9_-]*\).*/\1/'
}

title_of() {
    printf '%s' "${FAKE_YTDLP_TITLE:-Fake Video $1}"
}

# render TEMPLATE ID TITLE [PLAYLIST_INDEX]: a yt-dlp output template with the common fields filled in.
render() {
    printf '%s' "$1" | sed \
        -e "s|%(id)s|$(sed_escape "$2")|g" \
        -e "s|%(title)s|$(sed_escape "$3")|g" \
        -e "s|%(ext)s|$ext|g" \
        -e "s|%(uploader)s|MediaNest Demo|g" \
        -e "s|%(channel)s|MediaNest Demo|g" \
        -e "s|%(upload_date)s|20240501|g" \
        -e "s|%(playlist_index)s|${4:-NA}|g" \
        -e "s|%([A-Za-z0-9_.]*)s|NA|g"
}

output_path() {
    path=$(render "$out_tpl" "$1" "$2" "${3:-}")
    case "$path" in
        /*) ;;
        *) [ -n "$paths" ] && path="${paths%/}/$path" ;;
    esac
    printf '%s' "$path"
}

metadata_json() { # ID TITLE URL EXTRA_FIELDS
    vid_id=$1; title=$(json_escape "$2"); file=$(json_escape "$(output_path "$1" "$2")")
    printf '{"id":"%s","title":"%s","fulltitle":"%s","description":"A fake video served by the MediaNest fake yt-dlp.",' "$vid_id" "$title" "$title"
    printf '"uploader":"MediaNest Demo","uploader_id":"@medianest-demo","uploader_url":"https://www.youtube.com/@medianest-demo",'
    printf '"channel":"MediaNest Demo","channel_id":"UCmedianestDemoChannel00","channel_url":"https://www.youtube.com/channel/UCmedianestDemoChannel00",'
    printf '"channel_follower_count":1234,"duration":%s,"duration_string":"%d:%02d",' "$duration" $((duration / 60)) $((duration % 60))
    printf '"thumbnail":"https://i.ytimg.com/vi/%s/maxresdefault.jpg","thumbnails":[' "$vid_id"
    printf '{"url":"https://i.ytimg.com/vi/%s/hqdefault.jpg","id":"0","height":360,"width":480,"preference":-7},' "$vid_id"
    printf '{"url":"https://i.ytimg.com/vi/%s/maxresdefault.jpg","id":"1","height":720,"width":1280,"preference":-1}],' "$vid_id"
    printf '"upload_date":"20240501","timestamp":1714560000,"release_date":null,"view_count":48213,"like_count":1520,'
    printf '"live_status":"not_live","is_live":false,"availability":"public","age_limit":0,'
    printf '"webpage_url":"https://www.youtube.com/watch?v=%s","original_url":"%s","extractor":"youtube","extractor_key":"Youtube",' "$vid_id" "$(json_escape "$3")"
    printf '"_type":"video","ext":"%s","format_id":"137+140","format":"137 - 1920x1080 (1080p)+140 - audio only (medium)",' "$ext"
    printf '"filename":"%s","_filename":"%s","formats":[' "$file" "$file"
    fmt() { # ID EXT W H VCODEC ACODEC TBR NOTE
        if [ "$3" = null ]; then res="audio only"; else res="${3}x$4"; fi
        printf '{"format_id":"%s","ext":"%s","url":"https://rr1---sn-fake.googlevideo.com/videoplayback?id=%s&itag=%s",' "$1" "$2" "$vid_id" "$1"
        printf '"protocol":"https","width":%s,"height":%s,"fps":%s,"vcodec":"%s","acodec":"%s","tbr":%s,' "$3" "$4" "$( [ "$3" = null ] && echo null || echo 30)" "$5" "$6" "$7"
        printf '"filesize":%s,"filesize_approx":%s,"resolution":"%s","format_note":"%s","dynamic_range":%s}' \
            $(($7 * 125 * duration)) $(($7 * 125 * duration)) "$res" "$8" "$( [ "$3" = null ] && echo null || echo '"SDR"')"
    }
    fmt 140 m4a null null none mp4a.40.2 129 medium; printf ','
    fmt 251 webm null null none opus 135 medium; printf ','
    fmt 18 mp4 640 360 avc1.42001E mp4a.40.2 550 360p; printf ','
    fmt 136 mp4 1280 720 avc1.4d401f none 1500 720p; printf ','
    fmt 137 mp4 1920 1080 avc1.640028 none 3000 1080p; printf ','
    fmt 248 webm 1920 1080 vp9 none 2600 1080p; printf ','
    fmt 313 webm 3840 2160 vp9 none 12000 2160p
    printf ']%s}\n' "$4"
}

flat_json() { # ID TITLE EXTRA_FIELDS
    printf '{"_type":"url","ie_key":"Youtube","id":"%s","url":"https://www.youtube.com/watch?v=%s","title":"%s","duration":%s,"thumbnail":null%s}\n' \
        "$1" "$1" "$(json_escape "$2")" "$duration" "$3"
}

human() { # BYTES -> yt-dlp format_bytes
    awk -v b="$1" 'BEGIN { split("B KiB MiB GiB TiB", u, " "); i = 1; while (b >= 1024 && i < 5) { b /= 1024; i++ }
        printf "%.2f%s", b, u[i] }'
}

clock() { # SECONDS -> MM:SS or HH:MM:SS
    secs=$1
    if [ "$secs" -ge 3600 ]; then printf '%02d:%02d:%02d' $((secs / 3600)) $((secs % 3600 / 60)) $((secs % 60))
    else printf '%02d:%02d' $((secs / 60)) $((secs % 60)); fi
}

progress_line() { # STATUS DOWNLOADED ETA SPEED(bytes/s or NA)
    if [ -n "$progress_tpl" ]; then
        tpl=${progress_tpl#download:}
        case "$progress_tpl" in postprocess:*|download-title:*) return ;; esac
        pct=$(awk -v d="$2" -v t="$total" 'BEGIN { printf "%5.1f%%", d * 100 / t }')
        printf "$bol%s$eol" "$(printf '%s' "$tpl" | sed \
            -e "s|%(progress.status)s|$1|g" -e "s|%(progress.downloaded_bytes)s|$2|g" \
            -e "s|%(progress.total_bytes)s|$total|g" -e "s|%(progress.eta)s|$3|g" -e "s|%(progress.speed)s|$4|g" \
            -e "s|%(progress._percent_str)s|$pct|g" -e "s|%(progress._total_bytes_str)s|$(human "$total")|g" \
            -e "s|%(info.id)s|$id|g" -e "s|%([A-Za-z0-9_.]*)s|NA|g")"
        return
    fi
    if [ "$1" = finished ]; then
        printf "$bol[download] 100%% of %10s in %s at %s$eol" "$(human "$total")" "00:$(clock "$5")" "$(human "$4")/s"
        return
    fi
    if [ "$4" = NA ]; then speed_str="Unknown B/s"; eta_str=Unknown; else speed_str="$(human "$4")/s"; eta_str=$(clock "$3"); fi
    pct=$(awk -v d="$2" -v t="$total" 'BEGIN { printf "%5.1f", d * 100 / t }')
    printf "$bol[download] %s%% of %10s at %12s ETA %s$eol" "$pct" "$(human "$total")" "$speed_str" "$eta_str"
}

download() { # URL ID TITLE [PLAYLIST_INDEX]
    # Like yt-dlp with a merged format (137+140): the video, then the audio, each its own 0-100 % progress run
    # with its own Destination line, then the merge into the final file.
    file=$(output_path "$2" "$3" "${4:-}")
    dir=$(dirname "$file")
    mkdir -p "$dir" || { printf 'ERROR: unable to create directory %s\n' "$dir" >&2; return 1; }
    base=${file%.*}
    [ "$quiet" = yes ] || printf '[youtube] Extracting URL: %s\n[youtube] %s: Downloading webpage\n[info] %s: Downloading 1 format(s): 137+140\n' "$1" "$2" "$2"
    step_seconds=$(awk -v ms="$delay_ms" 'BEGIN { s = ms / 1000; print (s > 0 ? s : 0.001) }')
    full=$total
    for part in video audio; do
        if [ "$part" = video ]; then
            target="$file.part"; dest="$base.f137.mp4"; total=$full; run_steps=$steps
        else
            target="$base.f140.m4a.part"; dest="$base.f140.m4a"; total=$((full / 4)); [ "$total" -gt 0 ] || total=1
            run_steps=$((steps / 2)); [ "$run_steps" -gt 0 ] || run_steps=1
        fi
        [ "$quiet" = yes ] || printf '[download] Destination: %s\n' "$dest"
        : > "$target"
        chunk=$((total / run_steps))
        speed=$(awk -v c="$chunk" -v s="$step_seconds" 'BEGIN { printf "%.2f", c / s }')
        [ "$progress" = yes ] && progress_line downloading 0 NA NA
        i=1
        while [ "$i" -le "$run_steps" ]; do
            pause
            if [ "$i" -eq "$run_steps" ]; then bytes=$((total - chunk * (run_steps - 1))); else bytes=$chunk; fi
            head -c "$bytes" /dev/zero >> "$target"
            done_bytes=$((chunk * (i - 1) + bytes))
            remaining=$(awk -v r=$((total - done_bytes)) -v s="$speed" 'BEGIN { printf "%d", r / s }')
            [ "$progress" = yes ] && progress_line downloading "$done_bytes" "$remaining" "$speed"
            if [ "$part" = video ] && [ -n "${FAKE_YTDLP_FAIL_AT_STEP:-}" ] && [ "$i" -ge "$FAKE_YTDLP_FAIL_AT_STEP" ]; then
                [ "$newline" = yes ] || printf '\n'
                printf 'ERROR: unable to download video data: HTTP Error 403: Forbidden\n' >&2
                total=$full
                return 1
            fi
            i=$((i + 1))
        done
        elapsed=$(awk -v n="$run_steps" -v s="$step_seconds" 'BEGIN { printf "%d", n * s }')
        [ "$progress" = yes ] && progress_line finished "$total" NA "$speed" "$elapsed"
        [ "$progress" = yes ] && [ "$newline" = no ] && printf '\n'
    done
    rm -f "$base.f140.m4a.part"
    total=$full
    [ "$quiet" = yes ] || printf '[Merger] Merging formats into "%s"\n' "$file"
    mv "$file.part" "$file"
    if [ -n "$print_tpl" ]; then
        field=${print_tpl#*:}
        case "$field" in
            filepath|filename|_filename) printf '%s\n' "$file" ;;
            id) printf '%s\n' "$2" ;;
            title) printf '%s\n' "$3" ;;
            *) printf '%s\n' "$(render "$field" "$2" "$3")" ;;
        esac
    fi
    return 0
}

simulated_print() { # ID TITLE
    field=${print_tpl#*:}
    case "$field" in
        filepath|filename|_filename) output_path "$1" "$2"; printf '\n' ;;
        id) printf '%s\n' "$1" ;;
        title) printf '%s\n' "$2" ;;
        *) printf '%s\n' "$(render "$field" "$1" "$2")" ;;
    esac
}

# process_video URL ID TITLE [PLAYLIST_FIELDS] [PLAYLIST_INDEX]
process_video() {
    case "$mode" in
        json) metadata_json "$2" "$3" "$1" "${4:-}" ;;
        single) metadata_json "$2" "$3" "$1" "${4:-}" ;;
        *)
            if [ "$simulate" = yes ]; then
                [ -n "$print_tpl" ] && simulated_print "$2" "$3"
                return 0
            fi
            download "$1" "$2" "$3" "${5:-}" ;;
    esac
}

process_url() {
    url=$1
    case "$url" in
        http://*|https://*) ;;
        *) printf "ERROR: [generic] '%s' is not a valid URL. Set --default-search \"ytsearch\" (or run  yt-dlp \"ytsearch:%s\" ) to search YouTube\n" "$url" "$url" >&2
           return 1 ;;
    esac
    id=$(video_id "$url")
    if [ "${FAKE_YTDLP_FAIL:-0}" = 1 ]; then
        printf 'ERROR: [youtube] %s: Video unavailable. This video is not available\n' "$id" >&2
        return 1
    fi
    is_playlist=no
    case "$url" in
        *[?\&]list=*)
            if [ "$playlist" = yes ]; then is_playlist=yes
            elif [ "$playlist" = auto ]; then case "$url" in *[?\&]v=*) is_playlist=no ;; *) is_playlist=yes ;; esac; fi ;;
    esac
    if [ "$mode" != download ] || [ "$is_playlist" = yes ]; then pause; fi
    if [ "$is_playlist" = no ]; then
        process_video "$url" "$id" "$(title_of "$id")"
        return $?
    fi
    pl=$(playlist_id "$url")
    [ "$mode" = single ] && printf '{"_type":"playlist","id":"%s","title":"Fake Playlist %s","webpage_url":"https://www.youtube.com/playlist?list=%s","playlist_count":%s,"entries":[' "$pl" "$pl" "$pl" "$playlist_size"
    n=1
    rc=0
    while [ "$n" -le "$playlist_size" ]; do
        vid=$(printf 'fakeVideo%02d' "$n")
        extra=$(printf ',"playlist_index":%s,"playlist_id":"%s","playlist_title":"Fake Playlist %s","n_entries":%s,"playlist_count":%s' "$n" "$pl" "$pl" "$playlist_size" "$playlist_size")
        [ "$mode" = single ] && [ "$n" -gt 1 ] && printf ','
        if [ "$mode" = single ]; then
            if [ "$flat" = yes ]; then flat_json "$vid" "$(title_of "$vid")" "$extra" | tr -d '\n'
            else metadata_json "$vid" "$(title_of "$vid")" "https://www.youtube.com/watch?v=$vid" "$extra" | tr -d '\n'; fi
        elif [ "$mode" = json ] && [ "$flat" = yes ]; then
            flat_json "$vid" "$(title_of "$vid")" "$extra"
        else
            [ "$mode" = download ] && [ "$quiet" = no ] && printf '[download] Downloading item %s of %s\n' "$n" "$playlist_size"
            process_video "https://www.youtube.com/watch?v=$vid" "$vid" "$(title_of "$vid")" "$extra" "$n" || rc=1
        fi
        n=$((n + 1))
    done
    [ "$mode" = single ] && printf ']}\n'
    return $rc
}

status=0
while IFS= read -r target; do
    [ -n "$target" ] || continue
    process_url "$target" || status=1
done <<URLS
$urls
URLS
exit $status
