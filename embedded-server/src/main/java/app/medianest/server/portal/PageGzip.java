package app.medianest.server.portal;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip for the portal's pages and static files (RFC 1952), with the rows of kept lists compressed once. A page's
 * own HTML is compressed per request; each kept part ({@link RowsPage#deflated()}) is a deflate stream of its own,
 * made once per kept list and ending byte-aligned on a sync flush, spliced in as it is. Deflate streams concatenate
 * this way: the request's compressor ends what it wrote before a kept part with a full flush (byte-aligned, and
 * nothing after it refers back across the kept part), and only its last block is marked final. The trailer's
 * checksum and length are of the whole page.
 */
final class PageGzip {
    /**
     * Compression level for pages: zlib's fast strategy. On the portal's pages (2-67 KB of HTML) its output is
     * 3-11 % larger than level 6's and it costs a third to a quarter of the CPU; the difference in bytes is a few
     * hundred on a home network.
     */
    static final int LEVEL = 2;

    /** Magic, deflate, no flags, no time, no extra flags, unknown operating system. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private PageGzip() {
    }

    /** The page gzip-compressed, its kept parts as they were compressed once. */
    static byte[] gzip(RenderedPage page) {
        return gzip(page, LEVEL);
    }

    /** The page gzip-compressed at {@code level} (its own HTML; kept parts are always at {@link #LEVEL}). */
    static byte[] gzip(RenderedPage page, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length() / 4 + 64);
        out.writeBytes(HEADER);
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[8192];
        Deflater deflater = new Deflater(level, true);
        try {
            for (int i = 0; i < page.parts().size(); i++) {
                byte[] part = page.parts().get(i);
                crc.update(part);
                RowsPage kept = page.kept().get(i);
                if (kept == null) {
                    deflater.setInput(part);
                    drain(deflater, Deflater.NO_FLUSH, buffer, out);
                } else {
                    drain(deflater, Deflater.FULL_FLUSH, buffer, out);
                    out.writeBytes(kept.deflated());
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, page.length());
        return out.toByteArray();
    }

    /** {@code bytes} as a raw deflate stream that is not final and ends byte-aligned (a sync flush). */
    static byte[] deflatePart(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(bytes);
            drain(deflater, Deflater.SYNC_FLUSH, new byte[8192], out);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** Compresses the deflater's input with {@code flush}, until all of it is taken (and flushed). */
    private static void drain(Deflater deflater, int flush, byte[] buffer, ByteArrayOutputStream out) {
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
        } while (n == buffer.length || (flush == Deflater.NO_FLUSH && !deflater.needsInput()));
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
