package app.medianest.console.controls;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.EnumMap;
import java.util.Map;

/**
 * A QR code of a text (the family URL) drawn on a {@link Canvas}: dark modules on white with the standard quiet
 * zone, so a phone camera reads it straight off the screen. Redrawn whenever the text changes; empty text or
 * a placeholder such as {@code -} draws nothing.
 */
public final class QrCode extends Canvas {
    private String text = "";

    public QrCode(double size) {
        super(size, size);
    }

    /** The encoded text ("" when none is shown). */
    public String text() {
        return text;
    }

    /** Shows {@code value} as a QR code (nothing for a blank value or one that is not a URL). */
    public void show(String value) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (value == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
            text = "";
            return;
        }
        int side = (int) Math.min(getWidth(), getHeight());
        BitMatrix m = encode(value, side);
        // Whole pixels only: a module edge on a half pixel is drawn grey by the rasteriser.
        double cell = cellPixels(m, side);
        double offset = Math.floor((getWidth() - cell * m.getWidth()) / 2);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setFill(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    g.fillRect(offset + x * cell, offset + y * cell, cell, cell);
                }
            }
        }
        text = value;
    }

    /**
     * The module matrix of {@code value}, quiet zone included (four modules each side), drawn {@code side} pixels
     * wide. About one URL in a hundred gets a mask pattern from the writer that zxing's own reader, the one most
     * phone scanners are built on, misreads off a sharp screen (its detector takes a run of data modules for the
     * alignment pattern and the error correction gives up). The symbol is therefore read back as drawn, and when
     * that fails the other seven mask patterns are tried; every one of them is a valid QR code of the same text.
     */
    static BitMatrix encode(String value, int side) {
        BitMatrix first = withMask(value, null);
        if (readsBack(first, side, value)) {
            return first;
        }
        for (int mask = 0; mask < 8; mask++) {
            BitMatrix m = withMask(value, mask);
            if (readsBack(m, side, value)) {
                return m;
            }
        }
        return first;
    }

    private static BitMatrix withMask(String value, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(value, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + value + " as a QR code", e);
        }
    }

    private static int cellPixels(BitMatrix m, int side) {
        return Math.max(1, side / m.getWidth());
    }

    /** Whether zxing's QR reader decodes {@code m}, drawn at the tile's module size, back to {@code value}. */
    private static boolean readsBack(BitMatrix m, int side, String value) {
        int cell = cellPixels(m, side);
        int w = m.getWidth() * cell;
        int[] pixels = new int[w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = m.get(x / cell, y / cell) ? 0xff000000 : 0xffffffff;
            }
        }
        try {
            return value.equals(new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, w, pixels)))).getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
