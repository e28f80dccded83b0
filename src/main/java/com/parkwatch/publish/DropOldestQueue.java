package com.parkwatch.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded hand-off from the threads that make news (the engine, the bookings) to a publisher's own thread. Adding
 * never waits: when the queue is full the oldest item goes, and is counted, so a broker or a receiver that is slow
 * or gone never slows the engine.
 */
public final class DropOldestQueue<T> {

    private final int capacity;
    private final ArrayDeque<T> items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final AtomicLong dropped = new AtomicLong();

    public DropOldestQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a queue holds at least one item, got " + capacity);
        }
        this.capacity = capacity;
        items = new ArrayDeque<>(capacity);
    }

    /** Adds at once, dropping the oldest item when full. */
    public void offer(T item) {
        lock.lock();
        try {
            if (items.size() == capacity) {
                items.pollFirst();
                dropped.incrementAndGet();
            }
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest item, waiting at most {@code millis}; null when none came. */
    public T poll(long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (items.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return items.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Takes every item waiting, oldest first, without waiting. */
    public List<T> drain() {
        lock.lock();
        try {
            List<T> all = new ArrayList<>(items);
            items.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** Items dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }
}
