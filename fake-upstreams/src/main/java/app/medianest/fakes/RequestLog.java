package app.medianest.fakes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe record of received requests and per-path counts. */
final class RequestLog {

    private final ConcurrentLinkedQueue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(RecordedRequest request) {
        requests.add(request);
        counts.computeIfAbsent(request.path(), path -> new LongAdder()).increment();
    }

    List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    long count(String path) {
        LongAdder adder = counts.get(path);
        return adder == null ? 0 : adder.sum();
    }

    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((path, adder) -> snapshot.put(path, adder.sum()));
        return snapshot;
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void clear() {
        requests.clear();
        counts.clear();
    }
}
