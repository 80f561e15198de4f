package app.medianest.server.resilience;

/** An answer and where it came from. */
public record Cached<T>(T value, CacheState state) {
}
