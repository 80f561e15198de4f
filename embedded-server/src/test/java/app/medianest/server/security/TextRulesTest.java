package app.medianest.server.security;

import app.medianest.server.http.TextRules;
import app.medianest.server.testing.Api;
import app.medianest.server.testing.Api.Caller;
import app.medianest.server.testing.DbKind;
import app.medianest.server.testing.TestDatabase;
import app.medianest.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 9: user names are NFC and limited to the documented character set; titles are NFC and refuse control,
 * format and bidi characters; nothing refused is stored; download folder names cannot collide.
 */
class TextRulesTest {
    @Test
    void namesAndTitlesAreNormalisedOrRefused() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2); TestServer server = TestServer.start(db)) {
            Api api = new Api(server);
            Caller admin = api.admin("root");
            Caller alice = api.user("alice");
            var jdbc = server.server().components().database().jdbc();
            long users = jdbc.queryLong("SELECT COUNT(*) AS n FROM users");
            for (String bad : List.of("../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
                    "ad\u200Bmin", "\u202Eadmin", "admin\uFEFF", "a b", "ab", "x".repeat(33), "-dash", "a/b", "a\u0000b")) {
                TestServer.Res r = api.post(admin, "/api/v1/admin/users", "{\"username\":" + json(bad)
                        + ",\"password\":\"long enough password\",\"role\":\"user\"}");
                Api.assertInvalid(r, "username");
            }
            assertEquals(users, jdbc.queryLong("SELECT COUNT(*) AS n FROM users"), "no refused name was stored");

            // NFC: "e" + combining acute is stored as the single character.
            TestServer.Res ok = api.post(admin, "/api/v1/admin/users", "{\"username\":\"e\u0301cole-1\","
                    + "\"password\":\"long enough password\",\"role\":\"user\"}");
            assertEquals(201, ok.status(), ok.body());
            assertEquals("\u00e9cole-1", ok.data().get("username").asText());
            TestServer.Res dup = api.post(admin, "/api/v1/admin/users", "{\"username\":\"\u00e9cole-1\","
                    + "\"password\":\"long enough password\",\"role\":\"user\"}");
            assertEquals(409, dup.status(), "the composed form is the same name: " + dup.body());

            for (String bad : List.of("evil\u202Etxt.exe", "zero\u200Bwidth", "\uFEFFbom", "bell\u0007", "c1\u0085x",
                    "iso\u2066late\u2069")) {
                TestServer.Res r = api.post(alice, "/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":603,"
                        + "\"title\":" + json(bad) + "}");
                Api.assertInvalid(r, "title");
            }
            assertEquals(0, jdbc.queryLong("SELECT COUNT(*) AS n FROM media_requests"), "no refused title stored");
            TestServer.Res nfc = api.post(alice, "/api/v1/media/requests", "{\"mediaType\":\"movie\",\"tmdbId\":603,"
                    + "\"title\":\"Ame\u0301lie \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\"}");
            assertEquals(201, nfc.status(), nfc.body());
            assertEquals("Am\u00e9lie \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", jdbc.queryOne(
                    "SELECT title FROM media_requests", r -> r.string("title")).orElseThrow());
        }
    }

    @Test
    void downloadFolderNamesNeverCollide() {
        List<String> names = List.of("a!", "a_", "a-", "a.", "A_21", "a_21", "a_5F", "\u00e9", "_C3_A9", ".hidden",
                "_2Ehidden", "alice", "Alice");
        Set<String> folders = new HashSet<>();
        for (String n : names) {
            String f = TextRules.folderName(n);
            assertTrue(f.matches("[A-Za-z0-9_][A-Za-z0-9._-]*"), "file-system safe: " + f);
            folders.add(f);
        }
        assertEquals(names.size(), folders.size(), "every name has its own folder: " + folders);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
