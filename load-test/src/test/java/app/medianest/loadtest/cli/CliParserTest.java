package app.medianest.loadtest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.medianest.loadtest.config.Auth;
import app.medianest.loadtest.config.EndpointMix;
import app.medianest.loadtest.config.ReferencePhase;
import app.medianest.loadtest.config.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliParserTest {

    private final CliParser parser = new CliParser(Map.of());

    private CliOptions parse(String... args) throws UsageException {
        return parser.parse(args);
    }

    @Test
    void aPresetIsOverriddenByExplicitOptionsInAnyOrder() throws UsageException {
        CliOptions options = parse("--users", "5", "--preset", "strategy", "--url", "http://localhost:8080",
                "--think=250ms", "--out", "r.json", "--html", "r.html");

        assertEquals(5, options.config().users());
        assertEquals(Duration.ofMinutes(2), options.config().rampUp());
        assertEquals(Duration.ofMinutes(10), options.config().sustain());
        assertEquals(Duration.ofMillis(250), options.config().thinkTime());
        assertEquals(EndpointMix.preset(), options.config().mix());
        assertEquals(Path.of("r.json"), options.jsonOut());
        assertEquals(Path.of("r.html"), options.htmlOut());
        assertEquals(0.2, options.tolerance());
        assertEquals(0.2, options.latencyTolerance(), "the latency tolerance follows --tolerance by default");
        assertNull(options.baseline());
    }

    @Test
    void everyRunOptionIsParsed() throws UsageException {
        CliOptions options = parse("--url", "http://h:1", "--users", "3", "--ramp", "2s", "--duration", "1m30s",
                "--rampdown", "500ms", "--warmup", "3s", "--mix", "/a=2,/b", "--token", "t0k", "--timeout", "3s", "--seed", "9",
                "--reference", "/health", "--reference-duration", "7s", "--target-p95", "300ms",
                "--max-error-rate", "5%", "--baseline", "b.json", "--tolerance", "0.1", "--quiet", "--client", "jdk",
                "--latency-tolerance", "400%", "--latencies", "lat.txt");

        assertEquals(Duration.ofSeconds(90), options.config().sustain());
        assertEquals(Duration.ofMillis(500), options.config().rampDown());
        assertEquals(Duration.ofSeconds(3), options.config().warmup());
        assertEquals(new Auth.BearerToken("t0k"), options.config().auth());
        assertEquals(new ReferencePhase("/health", Duration.ofSeconds(7)), options.config().reference());
        assertEquals(new ReferencePhase("/health", Duration.ofSeconds(30), 6), parse("--url", "http://h",
                "--reference", "/health", "--reference-duration", "30s", "--reference-rounds", "6").config()
                .reference());
        assertEquals(300.0, options.targets().p95Ms());
        assertEquals(0.05, options.targets().maxErrorRate(), 1e-12);
        assertEquals(0.1, options.tolerance());
        assertEquals(4.0, options.latencyTolerance());
        assertEquals(9, options.config().seed());
        assertTrue(options.quiet());
        assertEquals(java.nio.file.Path.of("lat.txt"), options.latenciesOut());
        assertNull(parse("--url", "http://h").latenciesOut(), "no latencies file unless asked");
        assertEquals(Transport.JDK, options.config().transport());
        assertEquals(Transport.LEAN, parse("--url", "http://h").config().transport(), "the lean client by default");
        assertEquals(app.medianest.loadtest.config.UserThreads.PLATFORM, parse("--url", "http://h", "--threads",
                "platform").config().threads());
        assertEquals(app.medianest.loadtest.config.UserThreads.AUTO, parse("--url", "http://h").config().threads());
    }

    @Test
    void thePasswordMayComeFromTheEnvironment() throws UsageException {
        CliOptions options = new CliParser(Map.of(CliParser.PASSWORD_ENV, "pw")).parse(
                new String[] {"--url", "http://h", "--username", "admin"});
        assertEquals(new Auth.Credentials("admin", "pw"), options.config().auth());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--users abc                  | --users: expected a whole number, got 'abc'",
        "--client netty               | --client: expected 'lean' or 'jdk', got 'netty'",
        "--threads green              | --threads: expected 'auto', 'platform', 'virtual' or 'loop', got 'green'",
        "--reference-rounds 2         | --reference-rounds: requires --reference",
        "--reference /h --reference-rounds 0 "
            + "| --reference-rounds: reference rounds must be between 1 and 100, got 0",
        "--reference /h --reference-duration 2s --reference-rounds 5 "
            + "| --reference-rounds: reference slices must be at least 500ms, got 400ms (2s in 5 rounds)",
        "--users 0                    | --users: users must be between 1 and 10000, got 0",
        "--ramp 5x                    | --ramp: expected a duration like 30s, 2m or 500ms, got '5x'",
        "--duration 0s                | --duration: sustain must be positive and at most 24h, got 0s",
        "--mix /a=x                   | --mix: weight in '/a=x' must be a whole number, got 'x'",
        "--preset slow                | --preset: expected 'strategy', 'quick' or 'portal', got 'slow'",
        "--frobnicate 1               | --frobnicate: unknown option (see --help)",
        "--users                      | --users: missing value",
        "--users 2 --users 3          | --users: given more than once",
        "--token t --username u       | --token: cannot be combined with --username/--password",
        "--username u                 | --password: required with --username (or set MEDIANEST_LOADTEST_PASSWORD)",
        "--tolerance 20               | --tolerance: expected a percentage like 20% or a fraction like 0.2, got '20'",
        "--reference health           | --reference: endpoint path must start with '/' and contain no spaces, got 'health'",
        "--reference-duration 5s      | --reference-duration: requires --reference",
        "--target-p95 0               | --target-p95: must be positive, got '0'",
    })
    void badOptionsAreNamedInOneLine(String args, String message) {
        String[] argv = ("--url http://localhost:8080 " + args.trim()).split(" ");
        UsageException e = assertThrows(UsageException.class, () -> parser.parse(argv));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theUrlIsRequiredAndChecked() {
        assertEquals("--url: required, e.g. --url http://localhost:8080",
                assertThrows(UsageException.class, () -> parse("--users", "2")).getMessage());
        assertEquals("--url: expected an http(s) URL with a host, got 'localhost:8080'",
                assertThrows(UsageException.class, () -> parse("--url", "localhost:8080")).getMessage());
    }
}
