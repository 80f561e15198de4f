package app.medianest.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The text rules of stored names and titles (docs/security.md, "Text"):
 * <ul>
 *   <li>everything is normalised to Unicode NFC before it is checked or stored, so one visible text has one
 *   stored form;</li>
 *   <li>user names are 3 to 32 letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or
 *   digit;</li>
 *   <li>free text (titles, reasons, search) refuses control characters (C0, DEL, C1), invisible format
 *   characters (zero-width space, BOM, soft hyphen, ...) and every bidirectional override, embedding or isolate;
 *   only ZWJ and ZWNJ are kept, since emoji sequences and several scripts need them;</li>
 *   <li>request bodies must be valid UTF-8 (an overlong sequence such as {@code C0 AF} is refused, never read
 *   as "/").</li>
 * </ul>
 */
public final class TextRules {
    /** Shortest and longest user name, in characters. */
    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 32;
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}._-]*");

    private TextRules() {
    }

    public static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Why {@code name} (already NFC and stripped) is not a valid user name, or null when it is. */
    public static String usernameProblem(String name) {
        int length = name.codePointCount(0, name.length());
        if (length < USERNAME_MIN || length > USERNAME_MAX) {
            return "must be " + USERNAME_MIN + " to " + USERNAME_MAX + " characters";
        }
        if (!USERNAME.matcher(name).matches()) {
            return "may contain only letters, digits, '.', '_' and '-', and must start with a letter or digit";
        }
        return null;
    }

    /** A user name made from arbitrary text (a Plex user name): disallowed characters become '-'. */
    public static String toUsername(String raw, String fallback) {
        String s = raw == null ? "" : nfc(raw).strip();
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            boolean ok = Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '-'
                    || Character.getType(cp) == Character.NON_SPACING_MARK;
            b.appendCodePoint(ok ? cp : '-');
        });
        String out = b.toString().replaceAll("^[^\\p{L}\\p{N}]+", "");
        if (out.codePointCount(0, out.length()) > USERNAME_MAX - 4) {
            out = out.substring(0, out.offsetByCodePoints(0, USERNAME_MAX - 4));
        }
        return usernameProblem(out) == null ? out : fallback;
    }

    /** True for a character free text may not contain (see the class comment). */
    public static boolean forbiddenInText(int cp) {
        if (cp == '\t') {
            return false;
        }
        if (cp == 0x200C || cp == 0x200D) {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED && cp >= 0xFFF0 && cp <= 0xFFFF) {
            return true;
        }
        // Line/paragraph separators and bidi marks are not FORMAT in every Unicode version: refuse them by name.
        return cp == 0x2028 || cp == 0x2029 || cp == 0x200E || cp == 0x200F || cp == 0x061C
                || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    /** True when {@code s} holds a character free text may not contain. */
    public static boolean hasForbidden(String s) {
        return s.codePoints().anyMatch(TextRules::forbiddenInText);
    }

    /** Decodes strict UTF-8: malformed input (including overlong forms) throws. */
    public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /**
     * A folder name for a user that no other user name can map to: letters, digits, '-' and '.' (not first)
     * stay as they are, every other UTF-8 byte becomes {@code _XX} (upper-case hex), so the mapping is reversible.
     */
    public static String folderName(String username) {
        StringBuilder b = new StringBuilder();
        byte[] bytes = username.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '.' && i > 0;
            if (plain) {
                b.append((char) c);
            } else {
                b.append('_').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
