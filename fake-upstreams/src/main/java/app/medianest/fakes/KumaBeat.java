package app.medianest.fakes;

import java.time.Instant;

/** One heartbeat of a monitor; {@code ping} is null when down. */
record KumaBeat(MonitorStatus status, Instant time, Integer ping) {
}
