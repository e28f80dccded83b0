package com.parkwatch.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * This process's start, CPU time (all threads, the decoder's native ones included) and resident memory, from the OS.
 */
public final class ProcessUsage {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessUsage() {
    }

    /**
     * When this process started: the JVM's start, 10 ms or less after the launch (measured from the shell). Not
     * {@link ProcessHandle.Info#startInstant()}: on Linux it counts from the boot time in whole seconds, and on this
     * box put the start 0.65 s too early.
     */
    public static Instant started() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    public static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Resident set now, in kB (Linux). */
    public static long residentKb() {
        return statusKb("VmRSS:");
    }

    /** Largest resident set so far, in kB (Linux). */
    public static long peakResidentKb() {
        return statusKb("VmHWM:");
    }

    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
