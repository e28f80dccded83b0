package com.parkwatch.web;

import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code GET /api/events}: the lot pushed to the pages as server-sent events, so a phone no longer polls. Each event
 * is one {@code data:} line with the object {@code /api/spots} gives (states, {@code live}, the source's health).
 *
 * <p>The live lot only marks that something changed (on the engine's thread, nothing more); a ticker every
 * {@link #TICK} reads the view once and sends it to each stream that has not seen it: at most 2 events a second
 * per stream however fast the engine samples, and a lot that turns stale (no sample) is sent as such too. A
 * comment every {@link #HEARTBEAT} keeps proxies from closing a quiet stream and finds streams whose page left
 * (the write fails; the stream is forgotten). The network is hostile: streams are capped in all and per address
 * (beyond, {@code 503} with a JSON error), and a stream that stops reading holds at most one writer thread, never
 * the ticker, until Jetty's idle timeout ends it.
 */
final class EventStream implements AutoCloseable {

    static final Duration TICK = Duration.ofMillis(500);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final LiveLot lot;
    private final Function<LotView, String> json;
    private final int most;
    private final int perAddress;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> byAddress = new HashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private final ThreadPoolExecutor writers;
    /** Whether the lot was live at its last change: a lot goes stale with no change, which the ticker finds. */
    private volatile boolean wasLive;

    /**
     * @param json       the JSON of a view, as {@code /api/spots} writes it
     * @param most       streams open at once in all
     * @param perAddress streams open at once from one client address
     */
    EventStream(LiveLot lot, Function<LotView, String> json, int most, int perAddress) {
        this.lot = lot;
        this.json = json;
        this.most = most;
        this.perAddress = perAddress;
        // Threads only while writing; one per stream at most, so the writers are bounded by the streams.
        writers = new ThreadPoolExecutor(0, most, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> daemon(r, "web-events-write"));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "web-events"));
        wasLive = lot.view().live();
        lot.subscribe(view -> {
            wasLive = view.live();
            changes.incrementAndGet();
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The route: admits the stream within the caps, then hands it to Javalin's SSE support. */
    void open(Context ctx) throws Exception {
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw new ApiRefusal(HttpStatus.NOT_ACCEPTABLE,
                    "this route streams server-sent events: ask for text/event-stream (EventSource does)");
        }
        String address = ctx.ip();
        if (!admit(address)) {
            throw new ApiRefusal(HttpStatus.SERVICE_UNAVAILABLE,
                    "too many live pages are open right now; the page tries again by itself");
        }
        try {
            new SseHandler(client -> start(new Stream(client, address))).handle(ctx);
        } catch (Exception | Error e) {
            release(address);
            throw e;
        }
    }

    private synchronized boolean admit(String address) {
        int mine = byAddress.getOrDefault(address, 0);
        int all = byAddress.values().stream().mapToInt(Integer::intValue).sum();
        if (all >= most || mine >= perAddress) {
            return false;
        }
        byAddress.put(address, mine + 1);
        return true;
    }

    private synchronized void release(String address) {
        byAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }

    private void start(Stream stream) {
        // Known before anything is written to it: only a failed write closes it, and that forgets it.
        streams.add(stream);
        stream.client.onClose(() -> forget(stream));
        stream.client.keepAlive();
        long seen = changes.get();
        String first = ascii(json.apply(lot.view()));
        stream.write(() -> stream.send(seen, first));
    }

    private void forget(Stream stream) {
        if (streams.remove(stream)) {
            release(stream.address);
        }
    }

    /** Sends the lot to the streams that have not seen its newest change, and heartbeats to the quiet ones. */
    private void tick() {
        try {
            if (streams.isEmpty()) {
                return;
            }
            LotView view = lot.view();
            if (view.live() != wasLive) {
                wasLive = view.live();
                changes.incrementAndGet();
            }
            // Read the count before the view: the view sent is then at least as new as the change it answers.
            long newest = changes.get();
            String text = null;
            long now = System.nanoTime();
            for (Stream s : streams) {
                if (s.writing.get()) {
                    continue;
                }
                if (s.sent < newest) {
                    if (text == null) {
                        text = ascii(json.apply(lot.view()));
                    }
                    String event = text;
                    s.write(() -> s.send(newest, event));
                } else if (now - s.lastWrite >= HEARTBEAT.toNanos()) {
                    s.write(s::heartbeat);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the event streams' ticker failed; it goes on", e);
        }
    }

    /**
     * JSON with every character outside ASCII escaped: the same JSON, and bytes that no charset can garble
     * (Javalin's emitter prints strings through the servlet stream).
     */
    static String ascii(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (Stream s : streams) {
            s.client.close();
        }
        writers.shutdownNow();
    }

    /** One page's stream: what it saw last and whether a write to it is under way. */
    private final class Stream {
        final SseClient client;
        final String address;
        final AtomicBoolean writing = new AtomicBoolean();
        volatile long sent = -1;
        volatile long lastWrite = System.nanoTime();

        Stream(SseClient client, String address) {
            this.client = client;
            this.address = address;
        }

        /** Runs one write on a writer thread, unless one is under way (the next tick sends the newest then). */
        void write(Runnable work) {
            if (!writing.compareAndSet(false, true)) {
                return;
            }
            try {
                writers.execute(() -> {
                    try {
                        work.run();
                    } finally {
                        writing.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                writing.set(false);
            }
        }

        void send(long change, String event) {
            if (client.terminated()) {
                return;
            }
            client.sendEvent("message", event, null);
            sent = change;
            lastWrite = System.nanoTime();
        }

        void heartbeat() {
            if (!client.terminated()) {
                client.sendComment("keep-alive");
                lastWrite = System.nanoTime();
            }
        }
    }
}
