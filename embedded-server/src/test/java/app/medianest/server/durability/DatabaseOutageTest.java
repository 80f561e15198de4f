package app.medianest.server.durability;

import app.medianest.server.testing.Api;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL unreachable under load (the server connects through a proxy the test cuts): failing answers are
 * 503 {@code DATABASE_UNAVAILABLE} in the standard envelope, fast (p99 under 100 ms), never 500; readiness
 * says 503 within a second; full service within 2 s after the database is back. The outage lasts
 * {@code -Dmedianest.outage.seconds} (default 6; 20 for the documented run).
 */
class DatabaseOutageTest {
    private TestDatabase db;
    private CuttableProxy proxy;
    private TestServer server;

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** One answer during the outage. */
    private record Answer(int status, String code, long micros) {
    }

    @Test
    void anUnreachableDatabaseIsAnsweredWithFast503sAndServiceComesBackByItself() throws Exception {
        db = TestDatabase.create(DbKind.POSTGRESQL);
        db.open();
        URI target = URI.create(db.config().url().substring("jdbc:".length()));
        proxy = new CuttableProxy(target.getHost(), target.getPort());
        String proxied = db.config().url().replace(target.getHost() + ":" + target.getPort(),
                "127.0.0.1:" + proxy.port());
        server = TestServer.start(db, Clock.systemUTC(), Map.of("db.url", proxied));
        Api api = new Api(server);
        Api.Caller alice = api.user("alice");
        api.request(alice, "movie", 1, "Before the outage");

        AtomicBoolean outage = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Answer> during = new ConcurrentLinkedQueue<>();
        AtomicInteger tmdb = new AtomicInteger(100);
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean writer = i % 2 == 0;
            load.add(Thread.ofPlatform().daemon().start(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    TestServer.Res r = writer
                            ? api.post(alice, "/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":"
                                    + tmdb.getAndIncrement() + "}")
                            : api.get(alice, "/api/v1/media/requests?limit=5");
                    long micros = (System.nanoTime() - t0) / 1_000;
                    if (outage.get()) {
                        during.add(new Answer(r.status(), r.status() >= 400 ? r.errorCode() : null, micros));
                    }
                }
            }));
        }
        Thread.sleep(1_000);
        int seconds = Integer.getInteger("medianest.outage.seconds", 6);
        long cutAt = System.nanoTime();
        outage.set(true);
        proxy.cut();
        long readyDownMs = -1;
        while ((System.nanoTime() - cutAt) < 5_000_000_000L) {
            if (server.get("/health/ready").status() == 503) {
                readyDownMs = (System.nanoTime() - cutAt) / 1_000_000;
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(Math.max(0, seconds * 1000L - (System.nanoTime() - cutAt) / 1_000_000));
        outage.set(false);
        proxy.restore();
        long backAt = System.nanoTime();
        long serviceBackMs = -1;
        while ((System.nanoTime() - backAt) < 10_000_000_000L) {
            if (server.get("/health/ready").status() == 200 && api.post(alice, "/api/v1/media/requests",
                    "{\"mediaType\":\"movie\",\"tmdbId\":" + tmdb.getAndIncrement() + "}").status() == 201) {
                serviceBackMs = (System.nanoTime() - backAt) / 1_000_000;
                break;
            }
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread t : load) {
            t.join(15_000);
        }

        List<Answer> failing = during.stream().filter(a -> a.status() >= 400).toList();
        long[] micros = failing.stream().mapToLong(Answer::micros).sorted().toArray();
        long p99 = micros.length == 0 ? -1 : micros[Math.min(micros.length - 1, (int) Math.ceil(micros.length * 0.99) - 1)];
        System.out.println("outage " + seconds + " s: " + during.size() + " answers, " + failing.size()
                + " failing, p99 " + p99 / 1000.0 + " ms, max " + (micros.length == 0 ? -1 : micros[micros.length - 1] / 1000.0)
                + " ms; readiness 503 after " + readyDownMs + " ms; full service " + serviceBackMs + " ms after return");
        assertTrue(failing.size() >= 100, "the load ran into the outage: " + failing.size());
        assertEquals(List.of(), failing.stream().filter(a -> a.status() != 503 || !"DATABASE_UNAVAILABLE".equals(a.code()))
                .distinct().limit(5).toList(), "every failing answer is 503 DATABASE_UNAVAILABLE, none 500");
        assertTrue(p99 < 100_000, "p99 of the failing answers under 100 ms: " + p99 / 1000.0 + " ms");
        assertTrue(readyDownMs >= 0 && readyDownMs <= 1_000, "readiness 503 within a second: " + readyDownMs + " ms");
        assertTrue(serviceBackMs >= 0 && serviceBackMs <= 2_000, "full service within 2 s: " + serviceBackMs + " ms");
    }
}
