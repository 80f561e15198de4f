package app.medianest.fakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A tiny method + path-template router; templates use {@code {name}} segments and the first match wins. */
final class Router {

    /** Answers one routed call. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Function<RecordedRequest, Reply> notFound;

    Router(Function<RecordedRequest, Reply> notFound) {
        this.notFound = notFound;
    }

    Router get(String template, Handler handler) {
        return on("GET", template, handler);
    }

    Router post(String template, Handler handler) {
        return on("POST", template, handler);
    }

    Router delete(String template, Handler handler) {
        return on("DELETE", template, handler);
    }

    Router on(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    Reply dispatch(RecordedRequest request) {
        String[] path = split(request.path());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                return route.handler().handle(new Call(request, params));
            }
        }
        return pathKnown ? Reply.empty(405) : notFound.apply(request);
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String segment = template[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                params.put(segment.substring(1, segment.length() - 1), path[i]);
            } else if (!segment.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
