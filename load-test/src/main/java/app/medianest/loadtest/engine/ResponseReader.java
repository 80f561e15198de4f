package app.medianest.loadtest.engine;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.x responses from one connection with a single reusable buffer: the status line, the few headers that
 * decide framing and keep-alive ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, plus
 * {@code Retry-After}), then the body by {@code Content-Length}, by chunks, or up to the end of the stream. Bodies
 * are discarded unless the caller keeps them. Interim 1xx responses are skipped. Anything malformed is a
 * {@link ProtocolException}; a stream that ends early is an {@link EOFException}.
 *
 * <p>The parser is incremental, so that a blocking connection ({@link #read}) and a non-blocking event loop
 * ({@link #begin}, {@link #fillTarget}, {@link #filled}, {@link #parse}) share it: {@link #parse} consumes what is
 * buffered and says whether the response is complete. A response that is not kept allocates nothing.
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

    private enum State { STATUS_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, TO_END, DONE }

    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int lim;
    private boolean started;
    private State state = State.DONE;
    private ByteArrayOutputStream sink;
    private long remaining;
    private int headers;
    private int status;
    private boolean http11;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private boolean keepAliveHeader;
    private String retryAfter;

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
     * Reads one complete response, blocking on the source as needed.
     *
     * @param source   the connection's bytes
     * @param keepBody whether to return the body
     * @return the response
     * @throws IOException when the stream ends early, times out or is not HTTP/1.x
     */
    Response read(Source source, boolean keepBody) throws IOException {
        begin(keepBody);
        while (!parse()) {
            int n = source.read(buf, fillTarget(), buf.length - lim);
            if (n < 0) {
                endOfStream();
                break;
            }
            filled(n);
        }
        return response();
    }

    /** Starts reading the next response on this connection. */
    void begin(boolean keepBody) {
        started = pos < lim;
        sink = keepBody ? new ByteArrayOutputStream() : null;
        startHead();
    }

    /**
     * Makes room for more bytes and says where they go; {@code buffer().length - } the returned offset bytes fit.
     *
     * @throws ProtocolException when a header line fills the whole buffer
     */
    int fillTarget() throws ProtocolException {
        if (pos == lim) {
            pos = 0;
            lim = 0;
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            throw new ProtocolException("response header line longer than " + BUFFER_BYTES + " bytes");
        }
        return lim;
    }

    /** The buffer that {@link #fillTarget} makes room in. */
    byte[] buffer() {
        return buf;
    }

    /** Records that {@code n} bytes were placed at the offset {@link #fillTarget} returned. */
    void filled(int n) {
        if (n > 0) {
            started = true;
            lim += n;
        }
    }

    /**
     * The stream ended: completes a body delimited by the end of the stream, and fails otherwise.
     *
     * @throws EOFException saying how much of the response had arrived
     */
    void endOfStream() throws EOFException {
        switch (state) {
            case TO_END -> state = State.DONE;
            case BODY, CHUNK_DATA -> throw new EOFException("connection closed with " + remaining
                    + " body bytes missing");
            case DONE -> throw new IllegalStateException("no response is being read");
            default -> throw new EOFException(started ? "connection closed in the middle of a response"
                    : "connection closed before a response");
        }
    }

    /**
     * Consumes the buffered bytes of the current response.
     *
     * @return whether the response is complete
     * @throws ProtocolException when the response is not well-formed HTTP/1.x
     */
    boolean parse() throws ProtocolException {
        while (true) {
            switch (state) {
                case STATUS_LINE, HEADERS, CHUNK_SIZE, CHUNK_END, TRAILERS -> {
                    int end = lineEnd();
                    if (end < 0) {
                        return false;
                    }
                    line(end);
                }
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, lim - pos);
                    keep(n);
                    pos += n;
                    remaining -= n;
                    if (remaining > 0) {
                        return false;
                    }
                    state = state == State.BODY ? State.DONE : State.CHUNK_END;
                }
                case TO_END -> {
                    keep(lim - pos);
                    pos = lim;
                    return false;
                }
                case DONE -> {
                    return true;
                }
            }
        }
    }

    /** The status of the response {@link #parse} completed. */
    int status() {
        return status;
    }

    /** Whether the connection may carry another request after the completed response. */
    boolean keepAlive() {
        return !close && !chunkedOrLengthMissing() && (http11 || keepAliveHeader);
    }

    /** The completed response as a value. */
    Response response() {
        return new Response(status, keepAlive(), sink == null ? null : sink.toByteArray(), retryAfter);
    }

    private boolean chunkedOrLengthMissing() {
        return !chunked && contentLength < 0 && status != 204 && status != 304;
    }

    private void startHead() {
        state = State.STATUS_LINE;
        headers = 0;
        contentLength = -1;
        chunked = false;
        close = false;
        keepAliveHeader = false;
        retryAfter = null;
    }

    private void line(int end) throws ProtocolException {
        int length = end > pos && buf[end - 1] == '\r' ? end - 1 - pos : end - pos;
        switch (state) {
            case STATUS_LINE -> statusLine(length);
            case HEADERS -> {
                if (length == 0) {
                    endOfHead();
                } else if (headers++ == MAX_HEADERS) {
                    throw new ProtocolException("more than " + MAX_HEADERS + " response headers");
                } else {
                    header(length);
                }
            }
            case CHUNK_SIZE -> {
                remaining = chunkSize(length);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_END -> {
                if (length != 0) {
                    throw new ProtocolException("chunk not followed by CRLF");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                if (length == 0) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
        pos = end + 1;
    }

    private void statusLine(int length) throws ProtocolException {
        if (length < 12 || !startsWith(pos, "HTTP/1.") || buf[pos + 8] != ' '
                || (length > 12 && buf[pos + 12] != ' ')) {
            throw new ProtocolException("not an HTTP/1.x status line: '" + printable(pos, length) + "'");
        }
        http11 = buf[pos + 7] == '1';
        status = digit(pos + 9) * 100 + digit(pos + 10) * 10 + digit(pos + 11);
        state = State.HEADERS;
    }

    private void endOfHead() throws ProtocolException {
        if (status == 101) {
            throw new ProtocolException("unexpected 101 Switching Protocols");
        }
        if (status >= 100 && status < 200) {
            startHead();
        } else if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = State.BODY;
        } else {
            state = State.TO_END;
        }
    }

    private void header(int length) throws ProtocolException {
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
            contentLength = decimal(colon + 1, pos + length);
        } else if (nameLength == 17 && nameIs("transfer-encoding")) {
            chunked = endsWithIgnoringCase(colon + 1, pos + length, "chunked");
        } else if (nameLength == 10 && nameIs("connection")) {
            close |= containsIgnoringCase(colon + 1, pos + length, "close");
            keepAliveHeader |= containsIgnoringCase(colon + 1, pos + length, "keep-alive");
        } else if (nameLength == 11 && nameIs("retry-after")) {
            retryAfter = value(colon, length);
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

    private void keep(int n) throws ProtocolException {
        if (sink != null) {
            if (sink.size() + n > MAX_KEPT_BODY) {
                throw new ProtocolException("response body larger than " + MAX_KEPT_BODY + " bytes");
            }
            sink.write(buf, pos, n);
        }
    }

    /** The index of the '\n' ending the line at {@code pos}, or -1 when it has not arrived yet. */
    private int lineEnd() {
        for (int i = pos; i < lim; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
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
        return regionIs(pos, lowerCase);
    }

    /** Whether {@code buf[from, to)}, trailing blanks aside, ends with a lower-case ASCII word in any case. */
    private boolean endsWithIgnoringCase(int from, int to, String lowerCase) {
        int end = to;
        while (end > from && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
            end--;
        }
        return end - from >= lowerCase.length() && regionIs(end - lowerCase.length(), lowerCase);
    }

    /** Whether {@code buf[from, to)} contains a lower-case ASCII word in any case. */
    private boolean containsIgnoringCase(int from, int to, String lowerCase) {
        for (int i = from; i + lowerCase.length() <= to; i++) {
            if (regionIs(i, lowerCase)) {
                return true;
            }
        }
        return false;
    }

    private boolean regionIs(int at, String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            byte b = buf[at + i];
            if ((b >= 'A' && b <= 'Z' ? b | 0x20 : b) != lowerCase.charAt(i)) {
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

    /** The decimal value between {@code from} and {@code to}, surrounding blanks allowed, without allocating. */
    private long decimal(int from, int to) throws ProtocolException {
        int start = from;
        int end = to;
        while (start < end && (buf[start] == ' ' || buf[start] == '\t')) {
            start++;
        }
        while (end > start && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
            end--;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9 || i - start == 18) {
                throw new ProtocolException("bad Content-Length: '" + printable(start, end - start) + "'");
            }
            value = value * 10 + d;
        }
        if (start == end) {
            throw new ProtocolException("bad Content-Length: ''");
        }
        return value;
    }

    private String printable(int from, int length) {
        String text = new String(buf, from, Math.min(length, 80), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
