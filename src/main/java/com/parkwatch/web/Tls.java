package com.parkwatch.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTPS in the server itself, from PEM files as certificate authorities and ACME clients hand them out: the
 * certificate chain and its unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}; an older
 * {@code RSA PRIVATE KEY} is converted by {@code openssl pkcs8 -topk8 -nocrypt}). Read once at start.
 *
 * @param certificate the certificate chain, leaf first
 * @param privateKey  its private key
 */
public record Tls(Path certificate, Path privateKey) {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    /** The connector that answers HTTPS (HTTP/1.1) on the host and port; refuses files it cannot read, in words. */
    Connector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
        ssl.setKeyStore(keyStore(password));
        ssl.setKeyStorePassword(new String(password));
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    private KeyStore keyStore(char[] password) {
        try {
            List<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certificate)) {
                chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(certificate + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("parkwatch", key(chain.get(0).getPublicKey().getAlgorithm()), password,
                    chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the TLS certificate " + certificate + " and key "
                    + privateKey + ": " + e.getMessage(), e);
        }
    }

    private PrivateKey key(String algorithm) throws IOException, GeneralSecurityException {
        Matcher m = PKCS8.matcher(Files.readString(privateKey, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new IllegalArgumentException(privateKey + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
