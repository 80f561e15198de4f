package app.medianest.loadtest.engine;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.x responses from one connection with a single reusable buffer: the status line, the few headers that
 * decide framing and keep-alive ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, plus
 * {@code Retry-After}), then the body by {@code Content-Length}, by chunks, or up to the end of the stream. Bodies
 * are discarded unless the caller keeps them. Interim 1xx responses are skipped. Anything malformed is a
 * {@link ProtocolException}; a stream that ends early is an {@link EOFException}.
 */
final class ResponseReader {

    static final int BUFFER_BYTES = 16 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_KEPT_BODY = 1024 * 1024;

    /** Where bytes come from (a socket with a deadline, or a test stream). */
    @FunctionalInterface
    interface Source {
        /** Like {@link java.io.InputStream#read(byte[], int, int)}: -1 at the end of the stream. */
        int read(byte[] buffer, int offset, int length) throws IOException;
    }

    /**
     * One response.
     *
     * @param status     the HTTP status
     * @param keepAlive  whether the connection may carry another request
     * @param body       the body when the caller asked to keep it, else {@code null}
     * @param retryAfter the {@code Retry-After} header, or {@code null}
     */
    record Response(int status, boolean keepAlive, byte[] body, String retryAfter) {
    }

    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int lim;
    private boolean started;
    private Source in;

    /** Forgets buffered bytes; call when the connection is replaced. */
    void reset() {
        pos = 0;
        lim = 0;
    }

    /** Whether any byte of the current response has arrived (a reused connection that sent none was stale). */
    boolean started() {
        return started;
    }

    /**
     * Reads one complete response.
     *
     * @param source   the connection's bytes
     * @param keepBody whether to return the body
     * @return the response
     * @throws IOException when the stream ends early, times out or is not HTTP/1.x
     */
    Response read(Source source, boolean keepBody) throws IOException {
        in = source;
        started = pos < lim;
        Head head;
        do {
            head = readHead();
        } while (head.status >= 100 && head.status < 200 && head.status != 101);
        if (head.status == 101) {
            throw new ProtocolException("unexpected 101 Switching Protocols");
        }
        ByteArrayOutputStream sink = keepBody ? new ByteArrayOutputStream() : null;
        boolean untilEnd = false;
        if (head.status == 204 || head.status == 304) {
            // no body by definition
        } else if (head.chunked) {
            readChunks(sink);
        } else if (head.contentLength >= 0) {
            skip(head.contentLength, sink);
        } else {
            untilEnd = true;
            readToEnd(sink);
        }
        boolean keepAlive = !head.close && !untilEnd && (head.http11 || head.keepAliveHeader);
        return new Response(head.status, keepAlive, sink == null ? null : sink.toByteArray(), head.retryAfter);
    }

    /** The parts of a response head that matter here. */
    private static final class Head {
        int status;
        boolean http11;
        long contentLength = -1;
        boolean chunked;
        boolean close;
        boolean keepAliveHeader;
        String retryAfter;
    }

    private Head readHead() throws IOException {
        Head head = new Head();
        int end = lineEnd();
        int length = lineLength(end);
        if (length < 12 || !startsWith(pos, "HTTP/1.") || buf[pos + 8] != ' '
                || (length > 12 && buf[pos + 12] != ' ')) {
            throw new ProtocolException("not an HTTP/1.x status line: '" + printable(pos, length) + "'");
        }
        head.http11 = buf[pos + 7] == '1';
        head.status = digit(pos + 9) * 100 + digit(pos + 10) * 10 + digit(pos + 11);
        pos = end + 1;
        for (int headers = 0; ; headers++) {
            end = lineEnd();
            length = lineLength(end);
            if (length == 0) {
                pos = end + 1;
                return head;
            }
            if (headers == MAX_HEADERS) {
                throw new ProtocolException("more than " + MAX_HEADERS + " response headers");
            }
            header(head, length);
            pos = end + 1;
        }
    }

    private void header(Head head, int length) throws ProtocolException {
        int colon = -1;
        for (int i = pos; i < pos + length; i++) {
            if (buf[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= pos) {
            throw new ProtocolException("malformed response header: '" + printable(pos, length) + "'");
        }
        int nameLength = colon - pos;
        if (nameLength == 14 && nameIs("content-length")) {
            head.contentLength = decimal(value(colon, length));
        } else if (nameLength == 17 && nameIs("transfer-encoding")) {
            head.chunked = value(colon, length).toLowerCase(Locale.ROOT).endsWith("chunked");
        } else if (nameLength == 10 && nameIs("connection")) {
            String value = value(colon, length).toLowerCase(Locale.ROOT);
            head.close |= value.contains("close");
            head.keepAliveHeader |= value.contains("keep-alive");
        } else if (nameLength == 11 && nameIs("retry-after")) {
            head.retryAfter = value(colon, length);
        }
    }

    private void readChunks(ByteArrayOutputStream sink) throws IOException {
        while (true) {
            int end = lineEnd();
            int length = lineLength(end);
            long size = chunkSize(length);
            pos = end + 1;
            if (size == 0) {
                while (lineLength(end = lineEnd()) != 0) { // trailers
                    pos = end + 1;
                }
                pos = end + 1;
                return;
            }
            skip(size, sink);
            end = lineEnd();
            if (lineLength(end) != 0) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
            pos = end + 1;
        }
    }

    private long chunkSize(int length) throws ProtocolException {
        long size = 0;
        int digits = 0;
        for (int i = pos; i < pos + length && buf[i] != ';' && buf[i] != ' ' && buf[i] != '\t'; i++, digits++) {
            int value = Character.digit(buf[i], 16);
            if (value < 0 || digits == 15) {
                throw new ProtocolException("bad chunk size: '" + printable(pos, length) + "'");
            }
            size = size * 16 + value;
        }
        if (digits == 0) {
            throw new ProtocolException("bad chunk size: '" + printable(pos, length) + "'");
        }
        return size;
    }

    private void skip(long count, ByteArrayOutputStream sink) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            if (pos == lim) {
                pos = 0;
                lim = 0;
                if (!fill()) {
                    throw new EOFException("connection closed with " + remaining + " body bytes missing");
                }
            }
            int n = (int) Math.min(remaining, lim - pos);
            keep(sink, n);
            pos += n;
            remaining -= n;
        }
    }

    private void readToEnd(ByteArrayOutputStream sink) throws IOException {
        do {
            keep(sink, lim - pos);
            pos = 0;
            lim = 0;
        } while (fill());
    }

    private void keep(ByteArrayOutputStream sink, int n) throws ProtocolException {
        if (sink != null) {
            if (sink.size() + n > MAX_KEPT_BODY) {
                throw new ProtocolException("response body larger than " + MAX_KEPT_BODY + " bytes");
            }
            sink.write(buf, pos, n);
        }
    }

    /** The index of the '\n' ending the line at {@code pos}, reading more as needed. */
    private int lineEnd() throws IOException {
        int from = pos;
        while (true) {
            for (int i = from; i < lim; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            if (lim == buf.length) {
                throw new ProtocolException("response header line longer than " + BUFFER_BYTES + " bytes");
            }
            from = lim;
            if (!fill()) {
                throw new EOFException(started ? "connection closed in the middle of a response"
                        : "connection closed before a response");
            }
        }
    }

    private int lineLength(int end) {
        return end > pos && buf[end - 1] == '\r' ? end - 1 - pos : end - pos;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            return false;
        }
        if (n > 0) {
            started = true;
        }
        lim += n;
        return true;
    }

    private boolean startsWith(int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean nameIs(String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            if ((buf[pos + i] | 0x20) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int colon, int length) {
        return new String(buf, colon + 1, pos + length - colon - 1, StandardCharsets.ISO_8859_1).strip();
    }

    private int digit(int at) throws ProtocolException {
        int value = buf[at] - '0';
        if (value < 0 || value > 9) {
            throw new ProtocolException("bad status code in the status line");
        }
        return value;
    }

    private static long decimal(String text) throws ProtocolException {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProtocolException("bad Content-Length: '" + text + "'");
    }

    private String printable(int from, int length) {
        String text = new String(buf, from, Math.min(length, 80), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
