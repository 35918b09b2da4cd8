package xs.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS from PEM files for {@code xs serve --tls-cert FILE --tls-key FILE}: a certificate chain
 * and an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}, RSA or EC), as
 * {@code openssl req -x509 -newkey rsa:2048 -nodes} writes them.
 */
public final class PemTls {
    private static final Pattern KEY = Pattern.compile(
        "-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);

    /** A PEM file that cannot be used; the message says which and why. */
    public static final class BadPem extends Exception {
        BadPem(String message) {
            super(message);
        }
    }

    private PemTls() {
    }

    public static SSLContext context(Path certFile, Path keyFile) throws BadPem {
        try {
            Collection<? extends Certificate> chain;
            try {
                chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile)));
            } catch (GeneralSecurityException e) {
                throw new BadPem(certFile + " holds no PEM certificate: " + e.getMessage());
            }
            if (chain.isEmpty()) {
                throw new BadPem(certFile + " holds no PEM certificate");
            }
            PrivateKey key = privateKey(keyFile);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("xs", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new BadPem("cannot read " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new BadPem("the certificate and key cannot be used together: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, BadPem {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = KEY.matcher(text);
        if (!m.find()) {
            throw new BadPem(file + " holds no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); convert one with "
                + "openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new BadPem(file + " holds a key of an unsupported algorithm (RSA and EC work)");
    }
}
