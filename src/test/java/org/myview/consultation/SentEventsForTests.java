package org.myview.consultation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every ConsultationSent event, as the forum's listener would receive them. Tests only. */
@Singleton
@Requires(property = "test.consultation-events", value = "true")
class SentEventsForTests {

    final List<ConsultationSent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void onSent(ConsultationSent event) {
        events.add(event);
    }
}
