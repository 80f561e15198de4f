package app.medianest.server.metrics;

import app.medianest.server.http.Json;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The minute rollups: the last 24 h in memory (for the history views, reloaded from the table at start) and
 * every minute in {@code perf_rollups} for the configured retention (for reports over older periods).
 */
public final class RollupStore {
    private static final System.Logger LOG = System.getLogger(RollupStore.class.getName());
    /** How much history is kept in memory. */
    public static final Duration IN_MEMORY = Duration.ofHours(24);

    private final RollupRepository repository;
    private final Clock clock;
    private final Deque<MinuteRollup> recent = new ArrayDeque<>();

    public RollupStore(RollupRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Loads the last 24 h from the table (after a restart). */
    public void loadRecent() {
        Instant now = clock.instant();
        List<MinuteRollup> loaded = read(now.minus(IN_MEMORY), now.plusSeconds(60));
        synchronized (recent) {
            recent.clear();
            recent.addAll(loaded);
        }
    }

    /** Adds a finished minute: in memory, and persisted (a failure to persist is logged, not thrown). */
    public void add(MinuteRollup r) {
        synchronized (recent) {
            recent.addLast(r);
            Instant cutoff = clock.instant().minus(IN_MEMORY);
            while (!recent.isEmpty() && recent.peekFirst().at().isBefore(cutoff)) {
                recent.removeFirst();
            }
        }
        try {
            repository.save(r.at(), new String(Json.write(r), java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not store the performance rollup of {0}: {1}", r.at(),
                    e.getMessage());
        }
    }

    /** The minutes starting in {@code [from, to)}, oldest first: from memory when it covers them, else the table. */
    public List<MinuteRollup> between(Instant from, Instant to) {
        synchronized (recent) {
            MinuteRollup oldest = recent.peekFirst();
            if (oldest != null && !from.isBefore(clock.instant().minus(IN_MEMORY))) {
                List<MinuteRollup> out = new ArrayList<>();
                for (MinuteRollup r : recent) {
                    if (!r.at().isBefore(from) && r.at().isBefore(to)) {
                        out.add(r);
                    }
                }
                return out;
            }
        }
        return read(from, to);
    }

    private List<MinuteRollup> read(Instant from, Instant to) {
        List<MinuteRollup> out = new ArrayList<>();
        for (String payload : repository.between(from, to)) {
            try {
                out.add(Json.MAPPER.readValue(payload, MinuteRollup.class));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Skipping an unreadable performance rollup: {0}",
                        e.getMessage());
            }
        }
        return out;
    }

    /** Deletes persisted minutes older than {@code retention}. */
    public int purge(Duration retention) {
        return repository.deleteBefore(clock.instant().minus(retention));
    }
}
