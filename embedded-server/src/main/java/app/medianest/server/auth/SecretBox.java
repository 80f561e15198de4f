package app.medianest.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of secrets at rest (Plex tokens, service API keys). The key comes from
 * {@code MEDIANEST_ENCRYPTION_KEY} (base64 of 32 bytes) or from {@code secret.key} in the data directory,
 * created at first start with owner-only permissions.
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes (was " + key.length + ")");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From a base64 key (for tests and {@code MEDIANEST_ENCRYPTION_KEY}). */
    public static SecretBox ofBase64(String base64) {
        return new SecretBox(Base64.getDecoder().decode(base64.trim()));
    }

    /** Loads {@code dataDir/secret.key}, creating it (mode 600) when missing. */
    public static SecretBox fromDataDir(Path dataDir) {
        Path file = dataDir.resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                Path tmp = dataDir.resolve("secret.key.tmp");
                Files.deleteIfExists(tmp);
                try {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(tmp);
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(k));
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return ofBase64(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key?)", e);
        }
    }
}
