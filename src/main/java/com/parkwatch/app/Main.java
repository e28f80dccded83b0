package com.parkwatch.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parkwatch} command line. */
@Command(name = "parkwatch", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Parking-lot occupancy: which spots are free, from a camera, a video or the simulated lot.",
        subcommands = {AnalyzeCommand.class, ServeCommand.class, LayoutCommand.class, TrainCommand.class,
                EvaluateCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 success, 1 bad input or failure, 2 bad usage. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new UserErrors());
        try {
            return cli.execute(args);
        } catch (Error e) {
            // A native library that does not load, memory exhausted: still one sentence, no stack trace.
            cli.getErr().println("parkwatch: unexpected failure (" + e + ")");
            return 1;
        }
    }

    @Override
    public void run() {
        // The kiosk will start here; until it exists, say what there is.
        spec.commandLine().usage(System.out);
    }
}
