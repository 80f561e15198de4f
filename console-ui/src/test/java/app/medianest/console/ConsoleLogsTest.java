package app.medianest.console;

import app.medianest.console.concurrent.Tasks;
import app.medianest.console.logs.LogsViewModel;
import app.medianest.console.logs.RingBufferHandler;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The log capture and the live tail's filters, without the FX toolkit. */
class ConsoleLogsTest {
    private static LogRecord record(Level level, String logger, String msg, Object... params) {
        LogRecord r = new LogRecord(level, msg);
        r.setLoggerName(logger);
        r.setParameters(params);
        return r;
    }

    @Test
    void theRingKeepsTheNewestRecordsFormatted() {
        RingBufferHandler ring = new RingBufferHandler(3);
        for (int i = 0; i < 5; i++) {
            ring.publish(record(Level.INFO, "app.medianest.server.Jobs", "run {0}", i));
        }
        var all = ring.since(-1);
        assertEquals(3, all.size());
        assertEquals("run 2", all.getFirst().message());
        assertEquals("Jobs", all.getFirst().logger());
        assertEquals(1, ring.since(3).size(), "only what came after seq 3");
    }

    @Test
    void theTailAppendsNewRecordsAndFiltersByLevelAndText() {
        RingBufferHandler ring = new RingBufferHandler(100);
        LogsViewModel vm = new LogsViewModel(ring, Tasks.direct());
        ring.publish(record(Level.INFO, "a.Db", "pool started"));
        ring.publish(record(Level.FINE, "a.Db", "debug detail"));
        ring.publish(record(Level.WARNING, "a.Http", "slow request to /api/v1/media"));
        vm.poll();
        assertEquals(2, vm.rows().size(), "INFO and up by default");
        ring.publish(record(Level.SEVERE, "a.Http", "boom"));
        vm.poll();
        assertEquals(3, vm.rows().size());
        vm.search().set("SLOW");
        assertEquals(1, vm.rows().size());
        vm.search().set("");
        vm.minLevel().set(Level.ALL);
        assertEquals(4, vm.rows().size());
        vm.minLevel().set(Level.SEVERE);
        assertEquals("boom", vm.rows().getFirst().message());
    }
}
