package com.parkwatch.app;

import com.parkwatch.vision.classify.ModelException;
import com.parkwatch.vision.dataset.DataException;
import com.parkwatch.vision.video.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a failed command into one sentence on stderr and exit code 1. The stack trace goes to the debug log only,
 * never to the user.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UserErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        LOG.debug("command failed", e);
        cli.getErr().println("parkwatch: " + sentence(e));
        return 1;
    }

    static String sentence(Exception e) {
        if (e instanceof SourceException || e instanceof ModelException || e instanceof DataException
                || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return "a file could not be read or written: " + e.getMessage();
        }
        return "unexpected failure (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
}
