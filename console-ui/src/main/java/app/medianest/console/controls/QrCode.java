package app.medianest.console.controls;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

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
        BitMatrix m = encode(value);
        double cell = Math.floor(Math.min(getWidth(), getHeight()) / m.getWidth());
        double offset = (getWidth() - cell * m.getWidth()) / 2;
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

    /** The module matrix of {@code value}, quiet zone included (four modules each side). */
    static BitMatrix encode(String value) {
        try {
            return new QRCodeWriter().encode(value, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + value + " as a QR code", e);
        }
    }
}
