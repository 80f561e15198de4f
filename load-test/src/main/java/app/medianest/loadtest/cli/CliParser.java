package app.medianest.loadtest.cli;

import app.medianest.loadtest.config.Auth;
import app.medianest.loadtest.config.Durations;
import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.LoadTestConfig;
import app.medianest.loadtest.config.Preset;
import app.medianest.loadtest.config.ReferencePhase;
import app.medianest.loadtest.config.Transport;
import app.medianest.loadtest.report.BaselineComparison;
import app.medianest.loadtest.report.Targets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns command-line arguments into {@link CliOptions}. Options take {@code --name value} or {@code --name=value}.
 * Every problem becomes a {@link UsageException} whose one-line message starts with the option's name.
 */
public final class CliParser {

    /** Environment variable read for the password when {@code --username} is given without {@code --password}. */
    public static final String PASSWORD_ENV = "MEDIANEST_LOADTEST_PASSWORD";

    private static final Set<String> VALUED = Set.of("--url", "--users", "--ramp", "--duration", "--rampdown",
            "--think", "--mix", "--username", "--password", "--token", "--preset", "--out", "--html", "--baseline",
            "--tolerance", "--reference", "--reference-duration", "--timeout", "--seed", "--target-p50", "--latencies",
            "--target-p95", "--target-p99", "--max-error-rate", "--warmup", "--client", "--latency-tolerance", "--reference-rounds",
            "--threads");
    private static final Set<String> FLAGS = Set.of("--quiet", "--help");

    private final Map<String, String> env;

    /**
     * Creates a parser.
     *
     * @param env the environment, for {@value #PASSWORD_ENV}
     */
    public CliParser(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Whether the arguments ask for help.
     *
     * @param args the arguments
     * @return true when {@code --help} or {@code -h} is among them
     */
    public static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses the arguments.
     *
     * @param args the arguments
     * @return the options
     * @throws UsageException naming the first bad option
     */
    public CliOptions parse(String[] args) throws UsageException {
        Map<String, String> values = collect(args);
        LoadTestConfig.Builder builder = LoadTestConfig.builder(url(values.get("--url")));
        apply(builder, "--preset", values, v -> Preset.byName(v).applyTo(builder));
        apply(builder, "--users", values, v -> builder.users(integer(v)));
        apply(builder, "--ramp", values, v -> builder.rampUp(Durations.parse(v)));
        apply(builder, "--duration", values, v -> builder.sustain(Durations.parse(v)));
        apply(builder, "--rampdown", values, v -> builder.rampDown(Durations.parse(v)));
        apply(builder, "--think", values, v -> builder.thinkTime(Durations.parse(v)));
        apply(builder, "--mix", values, v -> builder.mix(EndpointMix.parse(v)));
        apply(builder, "--warmup", values, v -> builder.warmup(Durations.parse(v)));
        apply(builder, "--timeout", values, v -> builder.requestTimeout(Durations.parse(v)));
        apply(builder, "--seed", values, v -> builder.seed(Long.parseLong(v.trim())));
        apply(builder, "--client", values, v -> builder.transport(Transport.byName(v.trim())));
        apply(builder, "--threads", values, v -> builder.threads(
                app.medianest.loadtest.config.UserThreads.byName(v.trim())));
        auth(builder, values);
        reference(builder, values);
        LoadTestConfig config = builder.build();
        double tolerance = tolerance("--tolerance", values.get("--tolerance"), BaselineComparison.DEFAULT_TOLERANCE);
        return new CliOptions(config, targets(values), path(values.get("--out")), path(values.get("--html")),
                path(values.get("--baseline")), tolerance,
                tolerance("--latency-tolerance", values.get("--latency-tolerance"), tolerance),
                values.containsKey("--quiet"), path(values.get("--latencies")));
    }

    private static Map<String, String> collect(String[] args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            if (FLAGS.contains(name)) {
                values.put(name, "true");
            } else if (VALUED.contains(name)) {
                String value = equals > 0 && arg.startsWith("--") ? arg.substring(equals + 1)
                        : i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : null;
                if (value == null || value.isBlank()) {
                    throw new UsageException(name + ": missing value");
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + ": given more than once");
                }
            } else {
                throw new UsageException(arg + ": unknown option (see --help)");
            }
        }
        return values;
    }

    private static URI url(String value) throws UsageException {
        if (value == null) {
            throw new UsageException("--url: required, e.g. --url http://localhost:8080");
        }
        try {
            URI uri = new URI(value.trim());
            LoadTestConfig.builder(uri).build();
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UsageException("--url: expected an http(s) URL with a host, got '" + value + "'");
        }
    }

    /** Applies one option, then builds, so that a rejected value is attributed to the option that set it. */
    private static void apply(LoadTestConfig.Builder builder, String option, Map<String, String> values,
            Consumer<String> setter) throws UsageException {
        String value = values.get(option);
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
            builder.build();
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": expected a whole number, got '" + value + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static int integer(String value) {
        return Integer.parseInt(value.trim());
    }

    private void auth(LoadTestConfig.Builder builder, Map<String, String> values) throws UsageException {
        String token = values.get("--token");
        String username = values.get("--username");
        String password = values.get("--password");
        if (token != null && (username != null || password != null)) {
            throw new UsageException("--token: cannot be combined with --username/--password");
        }
        if (password != null && username == null) {
            throw new UsageException("--password: requires --username");
        }
        if (token != null) {
            apply(builder, "--token", values, v -> builder.auth(new Auth.BearerToken(v)));
        } else if (username != null) {
            String secret = password != null ? password : env.get(PASSWORD_ENV);
            if (secret == null || secret.isEmpty()) {
                throw new UsageException("--password: required with --username (or set " + PASSWORD_ENV + ")");
            }
            apply(builder, "--username", values, v -> builder.auth(new Auth.Credentials(v, secret)));
        }
    }

    private static void reference(LoadTestConfig.Builder builder, Map<String, String> values) throws UsageException {
        String path = values.get("--reference");
        String duration = values.get("--reference-duration");
        if (path == null) {
            for (String option : new String[] {"--reference-duration", "--reference-rounds"}) {
                if (values.containsKey(option)) {
                    throw new UsageException(option + ": requires --reference");
                }
            }
            return;
        }
        Duration byDefault = ReferencePhase.defaultDuration(builder.build().sustain());
        apply(builder, "--reference", values, v -> builder.reference(new ReferencePhase(v, byDefault)));
        apply(builder, "--reference-duration", values,
                v -> builder.reference(new ReferencePhase(path, Durations.parse(v))));
        Duration length = duration == null ? byDefault : Durations.parse(duration);
        apply(builder, "--reference-rounds", values,
                v -> builder.reference(new ReferencePhase(path, length, integer(v))));
    }

    private static Targets targets(Map<String, String> values) throws UsageException {
        Targets targets = Targets.strategy();
        targets = targets.withP50Ms(millis("--target-p50", values.get("--target-p50"), targets.p50Ms()));
        targets = targets.withP95Ms(millis("--target-p95", values.get("--target-p95"), targets.p95Ms()));
        targets = targets.withP99Ms(millis("--target-p99", values.get("--target-p99"), targets.p99Ms()));
        String errorRate = values.get("--max-error-rate");
        return errorRate == null ? targets : targets.withMaxErrorRate(fraction("--max-error-rate", errorRate, true));
    }

    private static double millis(String option, String value, double fallback) throws UsageException {
        if (value == null) {
            return fallback;
        }
        try {
            Duration duration = Durations.parse(value);
            if (duration.isZero()) {
                throw new IllegalArgumentException("must be positive, got '" + value + "'");
            }
            return duration.toNanos() / 1e6;
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static double tolerance(String option, String value, double fallback) throws UsageException {
        return value == null ? fallback : fraction(option, value, false);
    }

    /** Parses {@code 20%} or {@code 0.2}; a bare number must be a fraction below 1 to avoid 20 meaning 2000%. */
    private static double fraction(String option, String value, boolean zeroAllowed) throws UsageException {
        String text = value.trim();
        boolean percent = text.endsWith("%");
        try {
            double number = Double.parseDouble(percent ? text.substring(0, text.length() - 1) : text);
            double result = percent ? number / 100 : number;
            boolean inRange = (zeroAllowed ? result >= 0 : result > 0) && (percent ? result <= 10 : result < 1);
            if (inRange && Double.isFinite(result)) {
                return result;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + ": expected a percentage like 20% or a fraction like 0.2, got '" + value
                + "'");
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    /**
     * The help text.
     *
     * @return usage lines
     */
    public static String usage() {
        return """
                Usage: java -jar medianest-loadtest.jar --url URL [options]

                  --url URL              server base URL, e.g. http://localhost:8080 (required)
                  --preset NAME          strategy (2m ramp to 20 users, 10m sustained), quick (about 20s) or
                                         portal (20 family members on the portal pages, about 70s); the
                                         mix leaves out what the server cannot serve (no Plex: the Plex
                                         routes; not an admin: admin/requests) and lists it
                  --users N              virtual users (default 10)
                  --ramp DUR             ramp-up time, e.g. 30s, 2m, 500ms (default 0s)
                  --duration DUR         sustained time with all users (default 30s)
                  --rampdown DUR         ramp-down time (default 0s)
                  --warmup DUR           run all users this long first and discard the figures (default 0s)
                  --think DUR            think time between a response and the next request (default 0s)
                  --mix SPEC             weighted endpoints: /path=3,/other?limit=50=1 (default: the
                                         strategy's four); {plexLibrary} in a path: the largest Plex library
                  --username U           sign each user in once (password from --password or %s)
                  --password P
                  --token T              send this bearer token instead of signing in
                  --timeout DUR          request timeout (default 10s)
                  --seed N               seed of the endpoint choices (default 1)
                  --client lean|jdk      HTTP client: lean (one keep-alive socket per user, default) or the
                                         JDK's java.net.http client
                  --threads auto|platform|virtual|loop
                                         what users run on (auto: event loops, one per core, like wrk's
                                         threads, for the lean client over plain HTTP; otherwise platform
                                         threads with think time, virtual threads without)
                  --reference PATH       after the run, request PATH (e.g. /health) and report ratios to it
                  --reference-duration D length of the reference phase (default: sustain/5, 5s..30s)
                  --reference-rounds N   measure the ratios in N paired slices of mix and reference instead
                                         (each duration/N long), so both sides share the machine's moods
                  --target-p50/-p95/-p99 DUR   latency targets (default 100ms/200ms/500ms)
                  --max-error-rate R     error-rate target, e.g. 2%% (default 2%%)
                  --out FILE             write the JSON report
                  --html FILE            write the HTML report
                  --latencies FILE       write the run's service times as "microseconds count" lines, to
                                         pool several runs (load-test/wrk/compare.sh does, with wrk's)
                  --baseline FILE        compare with a saved JSON report (ratios when it has baselineRatio)
                  --tolerance T          allowed regression against the baseline (default 20%%)
                  --latency-tolerance T  allowed growth of p95/p99 against the baseline (default: --tolerance)
                  --quiet                no per-second progress lines

                Exit codes: 0 passed, 1 verdict failed or regression beyond the tolerance, 2 bad usage.
                """.formatted(PASSWORD_ENV);
    }
}
