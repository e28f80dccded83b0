package com.parkwatch.app;

import picocli.CommandLine.Option;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Files set aside for measuring: {@code train} leaves them out, {@code evaluate} measures only them. A glob is
 * matched against each file's absolute path; docs/accuracy.md lists the splits the project measures on.
 */
final class HeldOutOption {

    @Option(names = "--held-out", paramLabel = "GLOB",
            description = "Files set aside for measuring (glob on the absolute path; repeat for several).")
    List<String> globs = List.of();

    boolean isSet() {
        return !globs.isEmpty();
    }

    boolean matches(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .anyMatch((PathMatcher m) -> m.matches(absolute));
    }
}
