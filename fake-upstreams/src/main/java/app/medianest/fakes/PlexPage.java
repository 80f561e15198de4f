package app.medianest.fakes;

import java.util.List;

/**
 * Plex container paging from {@code X-Plex-Container-Start}/{@code -Size}, sent as query parameters or headers.
 *
 * @param start 0-based offset
 * @param size  page size, or -1 for "everything from start"
 */
record PlexPage(int start, int size) {

    static PlexPage of(Call call) {
        int start = Math.max(0, Call.parseInt(call.queryOrHeader("X-Plex-Container-Start"), 0));
        int size = Call.parseInt(call.queryOrHeader("X-Plex-Container-Size"), -1);
        return new PlexPage(start, size < 0 ? -1 : size);
    }

    <T> List<T> apply(List<T> all) {
        int from = Math.min(start, all.size());
        int to = size < 0 ? all.size() : (int) Math.min(all.size(), (long) from + size);
        return all.subList(from, to);
    }

    /** Adds the paging response headers Plex sends. */
    Reply headers(Reply reply, int totalSize) {
        return reply.withHeader("X-Plex-Container-Start", String.valueOf(start))
                .withHeader("X-Plex-Container-Total-Size", String.valueOf(totalSize));
    }
}
