package app.medianest.server.tls;

import app.medianest.server.config.ConfigException;
import app.medianest.server.config.Settings;
import app.medianest.server.config.SettingsCatalog;
import io.helidon.common.tls.Tls;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The optional HTTPS listener ({@code MEDIANEST_TLS=true}): a configured PKCS#12 keystore, or a self-signed
 * certificate generated at first start and kept in {@code <dataDir>/tls/} (with a random password beside it,
 * both owner-only), so passwords do not cross the LAN in clear.
 */
public final class TlsSetup {
    private static final System.Logger LOG = System.getLogger(TlsSetup.class.getName());

    private TlsSetup() {
    }

    /** The TLS configuration, or empty when HTTPS is off. */
    public static Optional<Tls> from(Settings settings, Path dataDir) {
        if (!settings.bool(SettingsCatalog.TLS)) {
            return Optional.empty();
        }
        Path store;
        char[] password;
        if (settings.string(SettingsCatalog.TLS_KEYSTORE).isPresent()) {
            store = settings.path(SettingsCatalog.TLS_KEYSTORE);
            password = settings.string(SettingsCatalog.TLS_KEYSTORE_PASSWORD).orElse("").toCharArray();
        } else {
            Path dir = dataDir.resolve("tls");
            store = dir.resolve("medianest-selfsigned.p12");
            Path pwFile = dir.resolve("keystore.password");
            try {
                if (!Files.exists(store)) {
                    Files.createDirectories(dir);
                    byte[] raw = new byte[24];
                    new SecureRandom().nextBytes(raw);
                    String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
                    writeOwnerOnly(pwFile, pw.getBytes());
                    generate(store, pw.toCharArray());
                    LOG.log(System.Logger.Level.INFO, "Created a self-signed TLS certificate in {0}", store);
                }
                password = Files.readString(pwFile).trim().toCharArray();
            } catch (Exception e) {
                throw new ConfigException(SettingsCatalog.TLS.displayName() + ": cannot create the self-signed "
                        + "certificate in " + dir + ": " + e.getMessage(), e);
            }
        }
        return Optional.of(load(store, password));
    }

    private static Tls load(Path store, char[] password) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : java.util.Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : ks.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return Tls.builder().privateKey(key).privateKeyCertChain(chain).build();
                }
            }
            throw new ConfigException(SettingsCatalog.TLS_KEYSTORE.displayName() + ": '" + store
                    + "' holds no private key");
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigException(SettingsCatalog.TLS_KEYSTORE.displayName() + ": '" + store
                    + "' cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static void generate(Path store, char[] password) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair pair = gen.generateKeyPair();
        String host = InetAddress.getLocalHost().getHostName();
        X500Name subject = new X500Name("CN=MediaNest on " + host.replace(",", " "));
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, host), new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("medianest", pair.getPrivate(), password, new Certificate[] {cert});
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = bytes) {
            ks.store(out, password);
        }
        writeOwnerOnly(store, bytes.toByteArray());
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws java.io.IOException {
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content);
    }
}
