package app.medianest.loadtest.report;

import app.medianest.loadtest.engine.ProgressSnapshot;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The report's two charts, built from the per-second timeline. */
final class HtmlCharts {

    private HtmlCharts() {
    }

    /** Response-time percentiles per second (corrected), with the uncorrected p99 dashed for comparison. */
    static String latency(List<ProgressSnapshot> timeline) {
        double[] xs = seconds(timeline);
        return new SvgLineChart("Latency percentiles per second", "ms", "")
                .add(new SvgLineChart.Series("p50", "#2b8a3e", xs, values(timeline, s -> s.responseTime().p50Ms()),
                        false, false))
                .add(new SvgLineChart.Series("p95", "#e67700", xs, values(timeline, s -> s.responseTime().p95Ms()),
                        false, false))
                .add(new SvgLineChart.Series("p99", "#c92a2a", xs, values(timeline, s -> s.responseTime().p99Ms()),
                        false, false))
                .add(new SvgLineChart.Series("p99 service (uncorrected)", "#862e9c", xs,
                        values(timeline, s -> s.serviceTime().p99Ms()), false, true))
                .render();
    }

    /** Throughput per second on the left axis and active users on the right axis. */
    static String throughput(List<ProgressSnapshot> timeline) {
        double[] xs = seconds(timeline);
        return new SvgLineChart("Throughput and active users", "req/s", "users")
                .add(new SvgLineChart.Series("throughput", "#1864ab", xs,
                        values(timeline, ProgressSnapshot::throughputRps), false, false))
                .add(new SvgLineChart.Series("errors/s", "#c92a2a", xs,
                        values(timeline, s -> s.intervalErrors() / s.intervalSeconds()), false, false))
                .add(new SvgLineChart.Series("active users", "#868e96", xs,
                        values(timeline, ProgressSnapshot::activeUsers), true, true))
                .render();
    }

    private static double[] seconds(List<ProgressSnapshot> timeline) {
        return values(timeline, s -> s.elapsed().toMillis() / 1000.0);
    }

    private static double[] values(List<ProgressSnapshot> timeline, ToDoubleFunction<ProgressSnapshot> value) {
        return timeline.stream().mapToDouble(value).toArray();
    }
}
