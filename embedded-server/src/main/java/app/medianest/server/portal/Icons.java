package app.medianest.server.portal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The home-screen icons as PNG, drawn here pixel by pixel (no image tools at build or run time): the same
 * picture as {@code icon.svg}, a rounded teal square with a white "play" triangle inside a ring.
 */
final class Icons {
    private Icons() {
    }

    /** A square RGBA PNG of {@code size} pixels. */
    static byte[] png(int size) {
        byte[] raw = new byte[size * (size * 4 + 1)];
        int i = 0;
        double c = size / 2.0;
        double radius = size * 0.18;
        for (int y = 0; y < size; y++) {
            raw[i++] = 0;
            for (int x = 0; x < size; x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                int[] rgba = pixel(px, py, size, c, radius);
                raw[i++] = (byte) rgba[0];
                raw[i++] = (byte) rgba[1];
                raw[i++] = (byte) rgba[2];
                raw[i++] = (byte) rgba[3];
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(out);
            d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
            ByteArrayOutputStream hdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(hdr);
            h.writeInt(size);
            h.writeInt(size);
            h.write(new byte[] {8, 6, 0, 0, 0});
            chunk(d, "IHDR", hdr.toByteArray());
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (DeflaterOutputStream dz = new DeflaterOutputStream(z, new Deflater(9))) {
                dz.write(raw);
            }
            chunk(d, "IDAT", z.toByteArray());
            chunk(d, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] pixel(double x, double y, int size, double c, double radius) {
        // Rounded square background (full bleed, so "maskable" crops look right too).
        double dx = Math.max(Math.abs(x - c) - (c - radius), 0);
        double dy = Math.max(Math.abs(y - c) - (c - radius), 0);
        if (Math.hypot(dx, dy) > radius) {
            return new int[] {0, 0, 0, 0};
        }
        double r = Math.hypot(x - c, y - c) / size;
        boolean ring = r > 0.30 && r < 0.36;
        // Play triangle: points (0.40,0.30) (0.40,0.70) (0.70,0.50) in unit coordinates.
        double ux = x / size;
        double uy = y / size;
        boolean play = ux >= 0.40 && ux <= 0.70 && Math.abs(uy - 0.5) <= (0.70 - ux) * (0.20 / 0.30);
        if (ring || play) {
            return new int[] {255, 255, 255, 255};
        }
        return new int[] {0x0f, 0x76, 0x6e, 255};
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        d.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
