package app.medianest.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection: requests one after the other, Content-Length or chunked
 * bodies read into one reused buffer (optionally kept), so that the client adds as little as possible to what is
 * measured.
 */
final class KeepAliveConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private int lastBodyBytes;
    private ByteArrayOutputStream keep;

    KeepAliveConnection(URI uri) throws IOException {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** The bytes of {@code GET uri} with an optional bearer token. */
    static byte[] get(URI uri, String token) {
        return request(uri, "application/json", token == null ? null : "Authorization: Bearer " + token);
    }

    /**
     * A portal page's request: HTML, the session token in the portal's cookie, and with {@code compressed} the
     * {@code Accept-Encoding} a browser sends (so the page comes gzip-compressed, as a family member's phone gets it).
     */
    static byte[] page(URI uri, String token, boolean compressed) {
        String cookie = token == null ? null : "Cookie: mn_session=" + token;
        String encoding = compressed ? "Accept-Encoding: gzip, deflate, br" : null;
        return request(uri, "text/html", cookie == null ? encoding
                : encoding == null ? cookie : cookie + "\r\n" + encoding);
    }

    private static byte[] request(URI uri, String accept, String credentials) {
        return ("GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nAccept: " + accept + "\r\n"
                + (credentials == null ? "" : credentials + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the request, reads the whole answer and returns its status (the body is skipped). */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        long body = 0;
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                body += size;
                line();
            }
            while (!line().isEmpty()) {
                continue; // trailers
            }
        } else if (length >= 0) {
            skip(length);
            body = length;
        } else {
            throw new IOException("a response without Content-Length or chunked framing");
        }
        lastBodyBytes = (int) body;
        return status;
    }

    /** Sends the request and returns the body as text; throws unless the status is 200. */
    String fetch(byte[] request) throws IOException {
        keep = new ByteArrayOutputStream();
        try {
            int status = exchange(request);
            String body = keep.toString(StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("answered " + status + ": " + body);
            }
            return body;
        } finally {
            keep = null;
        }
    }

    int lastBodyBytes() {
        return lastBodyBytes;
    }

    private long chunkSize() throws IOException {
        return Long.parseLong(line().split(";")[0].strip(), 16);
    }

    private void fill() throws IOException {
        pos = 0;
        limit = in.read(buffer);
        if (limit < 0) {
            throw new IOException("connection closed");
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos == limit) {
                fill();
            }
            byte b = buffer[pos++];
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) b);
        }
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            if (pos == limit) {
                fill();
            }
            int take = (int) Math.min(n, limit - pos);
            if (keep != null) {
                keep.write(buffer, pos, take);
            }
            pos += take;
            n -= take;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
