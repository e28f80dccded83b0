package com.parkwatch.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogConfigurationTest {

    @Test
    void warningsGoToStandardErrorInOneLineAndInformationNowhere() {
        LoggerContext context = new LoggerContext();
        try {
            LogConfiguration configuration = new LogConfiguration();
            configuration.setContext(context);
            configuration.configure(context);
            ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            ch.qos.logback.classic.Logger engine = context.getLogger("com.parkwatch.vision.EngineLoop");
            assertFalse(engine.isInfoEnabled());
            assertTrue(engine.isWarnEnabled());
            ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) root.getAppender("stderr");
            assertEquals("System.err", stderr.getTarget());
            LoggingEvent event = new LoggingEvent(null, engine, Level.WARN, "the stream stopped; reconnecting", null, null);
            String line = new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d WARN  the stream stopped; reconnecting\\R"), line);
        } finally {
            context.stop();
        }
    }

    @Test
    void logbackFindsTheConfigurationThroughTheServiceLoader() {
        List<Class<?>> found = ServiceLoader.load(Configurator.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertEquals(List.of(LogConfiguration.class), found);
    }
}
