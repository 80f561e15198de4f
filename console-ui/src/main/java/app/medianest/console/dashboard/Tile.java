package app.medianest.console.dashboard;

/**
 * A status tile: a breaker, an upstream, the LAN address, the uptime.
 *
 * @param name     what it is about
 * @param value    its state, for example {@code closed}, {@code up}, {@code http://192.168.1.20:4000}
 * @param detail   a second line (failure rate, response time), may be empty
 * @param severity colour of the tile
 */
public record Tile(String name, String value, String detail, Severity severity) {
}
