package org.myview.notify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GOV.UK Notify as the tests need it: scripted to fail (500), rate-limit (429), time out before or
 * after accepting a message, refuse it (400), or accept it. It counts what it accepted per reference:
 * the number a parent would have received.
 */
final class NotifyStandIn implements NotifyGateway {

    enum Outcome { ACCEPT, ERROR_500, RATE_LIMITED_429, TIMEOUT_BEFORE_ACCEPTING, TIMEOUT_AFTER_ACCEPTING, BAD_REQUEST_400 }

    private final Deque<Outcome> script = new ArrayDeque<>();
    final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    private final long delayMillis;

    NotifyStandIn(long delayMillis, Outcome... outcomes) {
        this.delayMillis = delayMillis;
        script.addAll(java.util.List.of(outcomes));
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String send(Message message, String templateId, String reference) throws SendFailure {
        calls.incrementAndGet();
        Outcome outcome;
        synchronized (script) {
            outcome = script.isEmpty() ? Outcome.ACCEPT : script.poll();
        }
        pause();
        return switch (outcome) {
            case ACCEPT -> accept(reference);
            case ERROR_500 -> throw new SendFailure(SendFailure.Kind.RETRY, "HTTP 500");
            case RATE_LIMITED_429 -> throw new SendFailure(SendFailure.Kind.RETRY, "HTTP 429");
            case TIMEOUT_BEFORE_ACCEPTING -> throw new SendFailure(SendFailure.Kind.UNKNOWN, "timed out");
            case TIMEOUT_AFTER_ACCEPTING -> {
                accept(reference);
                throw new SendFailure(SendFailure.Kind.UNKNOWN, "timed out");
            }
            case BAD_REQUEST_400 -> throw new SendFailure(SendFailure.Kind.PERMANENT, "HTTP 400");
        };
    }

    String accept(String reference) {
        delivered.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
        return ids.computeIfAbsent(reference, r -> UUID.randomUUID().toString());
    }

    @Override
    public Optional<String> findSent(String reference) {
        return Optional.ofNullable(ids.get(reference));
    }

    private void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
