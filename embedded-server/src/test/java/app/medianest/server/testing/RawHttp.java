package app.medianest.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Raw HTTP over a plain socket, for requests no HTTP client would send. */
public final class RawHttp {
    private RawHttp() {
    }

    /** A raw answer: status (0 when none came), the whole text, and whether the server closed the connection. */
    public record Answer(int status, String text) {
        public String body() {
            int i = text.indexOf("\r\n\r\n");
            return i < 0 ? "" : text.substring(i + 4);
        }

        public String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                int c = line.indexOf(':');
                if (c > 0 && line.substring(0, c).equalsIgnoreCase(name)) {
                    return line.substring(c + 1).strip();
                }
            }
            return null;
        }
    }

    /**
     * Sends {@code request} bytes and reads the first response (by Content-Length) or until the server closes or
     * {@code timeoutMs} passes.
     */
    public static Answer send(int port, byte[] request, int timeoutMs) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return read(s.getInputStream());
        } catch (IOException e) {
            return new Answer(0, "IOException: " + e.getMessage());
        }
    }

    public static Answer send(int port, String request, int timeoutMs) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMs);
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                String so = out.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0 && (headEnd = so.indexOf("\r\n\r\n")) >= 0) {
                    Answer head = new Answer(0, so);
                    String cl = head.header("Content-Length");
                    contentLength = cl == null ? -1 : Long.parseLong(cl);
                }
                if (headEnd >= 0 && contentLength >= 0 && out.size() >= headEnd + 4 + contentLength) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // whatever came so far
        }
        String text = out.toString(StandardCharsets.UTF_8);
        int status = 0;
        if (text.startsWith("HTTP/1.")) {
            try {
                status = Integer.parseInt(text.substring(9, 12));
            } catch (RuntimeException e) {
                status = 0;
            }
        }
        return new Answer(status, text);
    }
}
