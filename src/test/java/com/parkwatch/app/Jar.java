package com.parkwatch.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code target/parkwatch.jar} as a user would, from another directory. */
final class Jar {

    record Result(int exit, String out, String err) {
    }

    private Jar() {
    }

    /** The packaged jar. */
    static Path path() {
        Path jar = Path.of("target/parkwatch.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new AssertionError("package the jar first (mvn verify does): " + jar);
        }
        return jar;
    }

    /** The java command of the JDK running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", path().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts a long-running command (serve); its stderr is discarded, its stdout is the caller's to read. */
    static Process start(Path workDir, String... args) throws IOException {
        return new ProcessBuilder(command(args)).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = command(args);
        Path out = Files.createTempFile("parkwatch-out", ".txt");
        Path err = Files.createTempFile("parkwatch-err", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("parkwatch " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
