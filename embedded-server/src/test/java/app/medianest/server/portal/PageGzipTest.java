package app.medianest.server.portal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page whose kept rows were compressed once decompresses to exactly the page, wherever the rows sit, as one
 * gzip member with one final block, and the rows are compressed only once however often the page is sent.
 */
class PageGzipTest {

    @Test
    void keptRowsSplicedAnywhereDecompressToThePage() throws Exception {
        byte[] head = html("head", 3_000, 1);
        byte[] tail = html("tail", 700, 2);
        RowsPage rows = rows(html("row", 67_000, 3));
        RowsPage more = rows(html("more", 20_000, 4));
        List<List<Object>> layouts = List.of(
                List.of(head, rows, tail),
                List.of(rows, tail),
                List.of(head, rows),
                List.of(rows),
                List.of(head, rows, more, tail),
                List.of(head, rows, new byte[0], tail, more),
                List.of(rows(new byte[0]), head),
                List.of(head, rows(html("small", 40, 5)), tail));
        for (List<Object> layout : layouts) {
            RenderedPage page = page(layout);
            byte[] gz = PageGzip.gzip(page);
            assertArrayEquals(page.bytes(), gunzip(gz), "decompresses to the page: " + describe(layout));
            assertOneMember(gz, page.length());
        }
    }

    @Test
    void aPageOfItsOwnHtmlIsOrdinaryGzip() throws Exception {
        byte[] html = html("page", 150_000, 6);
        RenderedPage page = RenderedPage.of(html);
        byte[] gz = PageGzip.gzip(page);
        assertArrayEquals(html, gunzip(gz));
        assertOneMember(gz, html.length);
        assertTrue(gz.length < html.length / 3, "it compresses: " + gz.length + " of " + html.length);
    }

    @Test
    void keptRowsAreCompressedOnceAndCostLittleInSize() throws Exception {
        byte[] head = html("head", 3_000, 7);
        RowsPage rows = rows(html("row", 67_000, 8));
        RenderedPage page = page(List.of(head, rows, html("tail", 500, 9)));
        byte[] first = PageGzip.gzip(page);
        byte[] deflated = rows.deflated();
        byte[] second = PageGzip.gzip(page);
        assertSame(deflated, rows.deflated(), "the rows' compressed form is made once");
        assertArrayEquals(first, second);
        byte[] whole = PageGzip.gzip(RenderedPage.of(page.bytes()));
        assertTrue(first.length < whole.length * 1.1, "splicing costs under a tenth in size: " + first.length
                + " against " + whole.length);
    }

    @Test
    void templateOutputKeepsTheRowsOfTheParametersApart() {
        RowsPage rows = rows("<li>one</li>".getBytes(StandardCharsets.UTF_8));
        java.util.Map<String, Object> params = java.util.Map.of("rows", rows.content());
        RenderedPage.Output out = new RenderedPage.Output(params);
        out.writeContent("<ul>");
        rows.content().writeTo(out);
        out.writeBinaryContent("<li>own</li>".getBytes(StandardCharsets.UTF_8));
        out.writeContent("</ul>");
        RenderedPage page = out.page();
        assertEquals(3, page.parts().size());
        assertSame(rows.rows(), page.parts().get(1));
        assertSame(rows, page.kept().get(1));
        assertEquals("<ul><li>one</li><li>own</li></ul>", new String(page.bytes(), StandardCharsets.UTF_8));
    }

    private static RowsPage rows(byte[] html) {
        return new RowsPage(1, null, html);
    }

    private static RenderedPage page(List<Object> layout) {
        List<byte[]> parts = new ArrayList<>();
        List<RowsPage> kept = new ArrayList<>();
        for (Object o : layout) {
            if (o instanceof RowsPage r) {
                parts.add(r.rows());
                kept.add(r);
            } else {
                parts.add((byte[]) o);
                kept.add(null);
            }
        }
        return new RenderedPage(parts, kept);
    }

    private static String describe(List<Object> layout) {
        return layout.stream().map(o -> o instanceof RowsPage r ? "kept " + r.rows().length
                : "own " + ((byte[]) o).length).toList().toString();
    }

    /** Markup-like text of about {@code size} bytes, repetitive as HTML rows are, with varying ids and titles. */
    private static byte[] html(String name, int size, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(size + 200);
        while (sb.length() < size) {
            sb.append("<li class=\"").append(name).append("\" id=\"").append(name).append('-')
                    .append(Long.toHexString(random.nextLong())).append("\"><a href=\"/title/movie/")
                    .append(random.nextInt(1_000_000)).append("\">Title ").append(random.nextInt(5000))
                    .append("</a> <span class=\"badge\">pending</span></li>\n");
        }
        return Arrays.copyOf(sb.toString().getBytes(StandardCharsets.UTF_8), size);
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /**
     * The bytes are one gzip member: a header, one deflate stream whose final block ends exactly before the
     * 8-byte trailer (a browser that stops at the first member would otherwise see a truncated page), and a
     * trailer with the page's length.
     */
    private static void assertOneMember(byte[] gz, int length) throws DataFormatException {
        assertEquals(0x1f, gz[0] & 0xff);
        assertEquals(0x8b, gz[1] & 0xff);
        Inflater inflater = new Inflater(true);
        inflater.setInput(gz, 10, gz.length - 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            assertTrue(n > 0 || !inflater.needsInput(), "the deflate stream ends with a final block");
            out.write(buffer, 0, n);
        }
        assertEquals(8, inflater.getRemaining(), "only the trailer follows the final block");
        inflater.end();
        assertEquals(length, out.size());
        int size = (gz[gz.length - 4] & 0xff) | (gz[gz.length - 3] & 0xff) << 8 | (gz[gz.length - 2] & 0xff) << 16
                | (gz[gz.length - 1] & 0xff) << 24;
        assertEquals(length, size, "the trailer's length is the page's");
    }
}
