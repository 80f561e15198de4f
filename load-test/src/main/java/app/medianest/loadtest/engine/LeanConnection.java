package app.medianest.loadtest.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * One virtual user's keep-alive connection: sends prepared request bytes and reads the response with a
 * {@link ResponseReader}, all within the request timeout. It connects on first use, reconnects after the server
 * closed it or after any failure (the connection's state is then unknown), and retries an idempotent request once
 * when a reused connection ends before the first byte of its response. Used by one thread at a time.
 */
final class LeanConnection implements AutoCloseable {

    private final LeanTransport transport;
    private final long timeoutNanos;
    private final ResponseReader reader = new ResponseReader();
    private final ResponseReader.Source source = this::readBeforeDeadline;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long deadlineNanos;
    private long connects;

    LeanConnection(LeanTransport transport, long timeoutNanos) {
        this.transport = transport;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Sends a request and reads its whole response.
     *
     * @param request    the request bytes
     * @param idempotent whether it may be sent again after a stale keep-alive connection
     * @param keepBody   whether to return the body
     * @return the response
     * @throws IOException when connecting, sending or reading fails or times out
     */
    ResponseReader.Response exchange(byte[] request, boolean idempotent, boolean keepBody) throws IOException {
        deadlineNanos = System.nanoTime() + timeoutNanos;
        boolean reused = socket != null;
        try {
            return attempt(request, keepBody);
        } catch (IOException e) {
            close();
            boolean stale = reused && idempotent && !reader.started() && !(e instanceof HttpTimeoutException);
            if (!stale) {
                throw e;
            }
        }
        try {
            return attempt(request, keepBody);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** How many sockets this connection has opened (1 while keep-alive holds). */
    long connects() {
        return connects;
    }

    private ResponseReader.Response attempt(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(request);
        ResponseReader.Response response = reader.read(source, keepBody);
        if (!response.keepAlive()) {
            close();
        }
        return response;
    }

    private void open() throws IOException {
        socket = transport.connect(remainingMillis());
        connects++;
        in = socket.getInputStream();
        out = socket.getOutputStream();
        reader.reset();
    }

    private int readBeforeDeadline(byte[] buffer, int offset, int length) throws IOException {
        long remaining = remainingMillis();
        if (remaining <= 0) {
            throw new HttpTimeoutException("request timed out");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
        try {
            return in.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            HttpTimeoutException timeout = new HttpTimeoutException("request timed out");
            timeout.initCause(e);
            throw timeout;
        }
    }

    private long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing left to release
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
