package app.medianest.model.perf;

import java.util.List;

/**
 * Every named cache.
 *
 * @param hitRate        percentage of lookups in the window that were hits, null without lookups
 * @param windowLookups  lookups in the window
 * @param hitRateTotal   percentage of hits since start (0 without lookups)
 * @param caches         one entry per named cache
 */
public record CacheSummary(Double hitRate, long windowLookups, double hitRateTotal, List<CacheStats> caches) {
    public CacheSummary {
        caches = List.copyOf(caches);
    }
}
