package app.medianest.server.portal;

import gg.jte.TemplateOutput;
import gg.jte.output.Utf8ByteOutput;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page as rendered, in parts: the HTML made for this request and, between it, the rows of kept lists
 * ({@link RowsPage}) exactly as they were kept, so that their compressed form is made once per kept list rather
 * than once per request ({@link PageGzip}).
 *
 * @param parts the page's bytes, in order
 * @param kept  for each part, the kept list whose rows it is, or null for HTML rendered for this request
 */
record RenderedPage(List<byte[]> parts, List<RowsPage> kept) {

    /** A page of one part rendered for this request. */
    static RenderedPage of(byte[] bytes) {
        List<RowsPage> none = new ArrayList<>(1);
        none.add(null);
        return new RenderedPage(List.of(bytes), none);
    }

    /** The page's length in bytes. */
    int length() {
        int n = 0;
        for (byte[] part : parts) {
            n += part.length;
        }
        return n;
    }

    /** The page's bytes in one array. */
    byte[] bytes() {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        byte[] all = new byte[length()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * Template output that keeps the rows of the given kept lists as parts of their own (recognised by identity:
     * {@link RowsPage#content()} writes its rows array as it is) and collects everything else as UTF-8.
     */
    static final class Output implements TemplateOutput {
        private final Map<byte[], RowsPage> watched = new IdentityHashMap<>();
        private final List<byte[]> parts = new ArrayList<>();
        private final List<RowsPage> kept = new ArrayList<>();
        private Utf8ByteOutput current = new Utf8ByteOutput();

        /** An output that keeps the rows of every {@link RowsPage} content among {@code params}. */
        Output(Map<String, Object> params) {
            for (Object value : params.values()) {
                if (value instanceof RowsPage.Html html) {
                    watched.put(html.page().rows(), html.page());
                }
            }
        }

        @Override
        public void writeContent(String value) {
            current.writeContent(value);
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            current.writeContent(value, beginIndex, endIndex);
        }

        @Override
        public void writeBinaryContent(byte[] value) {
            RowsPage page = watched.get(value);
            if (page == null) {
                current.writeBinaryContent(value);
                return;
            }
            closePart();
            parts.add(value);
            kept.add(page);
        }

        private void closePart() {
            if (current.getContentLength() > 0) {
                parts.add(current.toByteArray());
                kept.add(null);
                current = new Utf8ByteOutput();
            }
        }

        RenderedPage page() {
            closePart();
            return parts.isEmpty() ? of(new byte[0]) : new RenderedPage(List.copyOf(parts),
                    java.util.Collections.unmodifiableList(new ArrayList<>(kept)));
        }
    }
}
