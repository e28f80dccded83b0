package com.parkwatch.app;

import com.parkwatch.watch.LotWatch;
import com.parkwatch.web.OperatorToken;
import com.parkwatch.web.Tls;
import com.parkwatch.web.WebRoutes;
import com.parkwatch.web.WebServer;
import io.javalin.util.JavalinBindException;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where the web pages and API listen: shared by serve and the kiosk. */
final class WebOptions {

    @Option(names = "--port", defaultValue = "8080",
            description = "HTTP port of the pages and API (default: ${DEFAULT-VALUE}; 0 picks a free one; -1: none).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every network).")
    String bind;

    @Option(names = "--operator-token-file", paramLabel = "FILE",
            description = "The operator API's token (default: DATA_DIR/operator-token, made at the first start, mode 0600).")
    Path operatorTokenFile;

    @Option(names = "--tls-cert", paramLabel = "PEM",
            description = "Answer HTTPS with this certificate chain (PEM), with --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's unencrypted PKCS#8 private key (PEM).")
    Path tlsKey;

    /** The web server cannot listen where it was told; the message names why in one sentence. */
    static final class CannotListen extends IllegalArgumentException {
        CannotListen(String message) {
            super(message);
        }
    }

    /** The running server, or null when --port is -1; the operator token is in {@code dataDir} unless told otherwise. */
    WebServer start(LotWatch watch, Path dataDir, List<WebRoutes> extra) {
        checkPort();
        if (port == -1) {
            return null;
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        checkAddress();
        Path tokenFile = operatorTokenFile != null ? operatorTokenFile : dataDir.resolve("operator-token");
        OperatorToken token;
        try {
            token = OperatorToken.readOrCreate(tokenFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read or create the operator token " + tokenFile + ": " + e.getMessage());
        }
        WebServer server = new WebServer(watch.lot(), watch.bookings(), camera -> watch.camera(camera).latestJpeg(), token,
                tlsCert == null ? null : new Tls(tlsCert, tlsKey));
        extra.forEach(server::add);
        try {
            return server.start(bind, port);
        } catch (JavalinBindException e) {
            server.close();
            throw new CannotListen("port " + port + " is in use on " + bind);
        }
    }

    void checkPort() {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("--port must be a port number, 0 for any free one, or -1 for none; got " + port);
        }
    }

    /** Refuses, in one sentence, an address that is not one of this machine's. */
    void checkAddress() {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CannotListen(bind + " is not an address of this machine");
        }
        try {
            if (!address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new CannotListen(bind + " is not an address of this machine");
            }
        } catch (SocketException e) {
            throw new CannotListen("cannot read this machine's addresses to check " + bind + ": " + e.getMessage());
        }
    }
}
