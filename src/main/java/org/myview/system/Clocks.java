package org.myview.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The service's clock: dates are on the Europe/London calendar. Tests replace it to fix "today". */
@Factory
class Clocks {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Singleton
    Clock clock() {
        return Clock.system(LONDON);
    }
}
