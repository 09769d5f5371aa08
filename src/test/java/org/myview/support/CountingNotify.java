package org.myview.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.myview.notify.Message;
import org.myview.notify.NotifyGateway;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GOV.UK Notify for tests that run several instances in one JVM: every instance's gateway counts into the same
 * map, so a test sees how many times a person would have received each message, whichever instance sent it.
 */
@Singleton
@Replaces(NotifyGateway.class)
@Requires(property = "test.counting-notify", value = "true")
public class CountingNotify implements NotifyGateway {

    /** Deliveries per message reference, across every instance in the JVM. */
    public static final Map<String, AtomicInteger> DELIVERED = new ConcurrentHashMap<>();

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String send(Message message, String templateId, String reference) {
        DELIVERED.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
        return "notify-" + reference;
    }

    @Override
    public Optional<String> findSent(String reference) {
        return DELIVERED.containsKey(reference) ? Optional.of("notify-" + reference) : Optional.empty();
    }
}
