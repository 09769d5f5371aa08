package org.myview.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/** Captures everything logged while it is open, to prove what does and does not reach the log. */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** All captured lines, formatted, with any stack traces. */
    public String text() {
        List<ILoggingEvent> events = List.copyOf(appender.list);
        return events.stream().map(e -> {
            String line = e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage();
            IThrowableProxy proxy = e.getThrowableProxy();
            return proxy == null ? line : line + "\n" + ThrowableProxyUtil.asString(proxy);
        }).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
