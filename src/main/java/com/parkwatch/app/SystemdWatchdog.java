package com.parkwatch.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells systemd's watchdog ({@code WatchdogSec=} in the unit) that the engine is alive, and only then: a hung
 * engine stops the notices and systemd restarts the kiosk, as it does a crashed one. "Alive" is the engine making
 * progress: frames decoded, or a blind camera being tried again; a camera that is merely down is no reason to restart.
 * The notice is a datagram on the unit's {@code NOTIFY_SOCKET}, sent through the C library (Java has no datagrams
 * on Unix sockets); outside systemd it does nothing.
 */
final class SystemdWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdWatchdog.class);
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;

    private final ScheduledExecutorService timer;

    /** The C library's calls it needs. */
    interface CLibrary extends Library {
        int socket(int domain, int type, int protocol);

        int sendto(int socket, byte[] message, long length, int flags, SocketAddress address, int addressLength);

        int close(int socket);
    }

    /** {@code struct sockaddr_un}. */
    @Structure.FieldOrder({"family", "path"})
    public static final class SocketAddress extends Structure {
        public short family = AF_UNIX;
        public byte[] path = new byte[108];
    }

    private SystemdWatchdog(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts the notices when systemd asks for them ({@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} set): twice per
     * watchdog period, while {@code progress} (nanoTime of the engine's last progress) is within one period.
     *
     * @return the running watchdog, or null outside systemd
     */
    static SystemdWatchdog start(LongSupplier progress) {
        String socket = System.getenv("NOTIFY_SOCKET");
        String usec = System.getenv("WATCHDOG_USEC");
        if (socket == null || usec == null) {
            return null;
        }
        return start(socket, Duration.ofNanos(Long.parseLong(usec.strip()) * 1000), progress);
    }

    static SystemdWatchdog start(String socket, Duration period, LongSupplier progress) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread t = new Thread(work, "watchdog");
            t.setDaemon(true);
            return t;
        });
        CLibrary c = Native.load("c", CLibrary.class);
        notify(c, socket, "READY=1");
        timer.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - progress.getAsLong() < period.toNanos()) {
                notify(c, socket, "WATCHDOG=1");
            }
        }, 0, period.toMillis() / 2, TimeUnit.MILLISECONDS);
        LOG.info("systemd's watchdog is told every {} ms while the engine makes progress", period.toMillis() / 2);
        return new SystemdWatchdog(timer);
    }

    /** One datagram to the socket; an abstract socket's name starts with '@', which stands for a zero byte. */
    static void notify(CLibrary c, String socket, String message) {
        SocketAddress address = new SocketAddress();
        byte[] name = socket.getBytes(StandardCharsets.UTF_8);
        if (name.length >= address.path.length) {
            LOG.warn("NOTIFY_SOCKET is too long for a Unix socket: {}", socket);
            return;
        }
        System.arraycopy(name, 0, address.path, 0, name.length);
        if (name[0] == '@') {
            address.path[0] = 0;
        }
        address.write();
        int fd = c.socket(AF_UNIX, SOCK_DGRAM, 0);
        if (fd < 0) {
            LOG.warn("cannot open a socket to tell systemd's watchdog");
            return;
        }
        try {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            // The address's length: the family and the name, and for an abstract name not a byte more.
            int length = 2 + name.length + (name[0] == '@' ? 0 : 1);
            if (c.sendto(fd, bytes, bytes.length, 0, address, length) < 0) {
                LOG.warn("systemd's watchdog could not be told ({})", message);
            }
        } finally {
            c.close(fd);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
