package app.medianest.server.http;

/**
 * Where the HTTP layer reports how long each request took, by route template (the metrics implement it;
 * {@link #NONE} records nothing). The route table asks for one {@link RouteTimer} per route at start and
 * the common filter records each answered request into the matched route's timer, or into
 * {@link #unmatched} when no route took it.
 */
public interface RequestTimers {
    /** Records nothing. */
    RequestTimers NONE = new RequestTimers() {
        @Override
        public RouteTimer route(String method, String template) {
            return (status, nanos) -> { };
        }

        @Override
        public RouteTimer unmatched(String method) {
            return (status, nanos) -> { };
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };

    /** The timer of one route template. */
    RouteTimer route(String method, String template);

    /** The timer of requests no route took, by method. */
    RouteTimer unmatched(String method);

    /** Whether requests are being timed now (checked once per request). */
    boolean enabled();

    /** One route's timer. */
    @FunctionalInterface
    interface RouteTimer {
        void record(int status, long nanos);
    }
}
