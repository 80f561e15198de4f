/**
 * Fake upstream servers for MediaNest: plex.tv, Plex Media Server, Overseerr, Uptime Kuma and a fake
 * {@code yt-dlp} executable.
 *
 * <p>Each HTTP fake speaks the documented protocol (see {@code shared/docs/upstreams.md}) over a real
 * loopback socket using the JDK's {@code com.sun.net.httpserver} on virtual threads, serves consistent sample
 * data from {@link app.medianest.fakes.SampleCatalog}, records every request it receives and exposes the same
 * runtime fault switches ({@link app.medianest.fakes.FakeServer}). They back the server's integration tests
 * and the product's demo mode ({@link app.medianest.fakes.DemoUpstreams}).
 */
package app.medianest.fakes;
