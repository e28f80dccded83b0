package com.parkwatch.app;

import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.web.WebServer;
import picocli.CommandLine.Option;

import java.util.function.Supplier;

/** Where the web pages and API listen: shared by serve and the kiosk. */
final class WebOptions {

    @Option(names = "--port", defaultValue = "8080",
            description = "HTTP port of the pages and API (default: ${DEFAULT-VALUE}; 0 picks a free one; -1: none).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every network).")
    String bind;

    /** The running server, or null when --port is -1. */
    WebServer start(LiveLot lot, BookingService bookings, Supplier<byte[]> snapshotJpeg) {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("--port must be a port number, 0 for any free one, or -1 for none; got " + port);
        }
        return port == -1 ? null : new WebServer(lot, bookings, snapshotJpeg).start(bind, port);
    }
}
