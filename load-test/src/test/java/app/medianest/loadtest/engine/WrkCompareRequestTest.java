package app.medianest.loadtest.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code wrk/compare.sh} times wrk and the generator on the same request: the headers it gives wrk are the ones the
 * lean client sends (besides {@code Host}, which wrk sets from the URL). A server answers a header it has not
 * warmed up on more slowly, so a difference here shows up as a difference between the tools.
 */
class WrkCompareRequestTest {

    private static final Pattern WRK_HEADER = Pattern.compile("-H \"([^\"]+)\"");

    @Test
    void compareGivesWrkTheHeadersTheGeneratorSends() throws IOException {
        byte[] request = new LeanTransport(URI.create("http://127.0.0.1:4100"), Duration.ofSeconds(1))
                .get(URI.create("http://127.0.0.1:4100/health"), null);
        List<String> sent = new ArrayList<>(Arrays.asList(new String(request, StandardCharsets.ISO_8859_1)
                .split("\r\n")));
        sent.removeFirst();
        sent.removeIf(line -> line.isEmpty() || line.startsWith("Host:"));

        String script = Files.readString(Path.of("wrk/compare.sh"));
        String sameRequest = script.lines().filter(l -> l.startsWith("same_request=")).findFirst().orElseThrow();
        List<String> givenToWrk = new ArrayList<>();
        Matcher header = WRK_HEADER.matcher(sameRequest);
        while (header.find()) {
            givenToWrk.add(header.group(1));
        }

        assertEquals(sent, givenToWrk);
        List<String> wrkCommands = script.lines().filter(l -> !l.strip().startsWith("#") && l.contains(" wrk -"))
                .toList();
        assertEquals(2, wrkCommands.size(), "the warm-up and the timed runs: " + wrkCommands);
        for (String command : wrkCommands) {
            assertTrue(command.contains("\"${same_request[@]}\""), "sends the generator's headers: " + command);
        }
    }
}
