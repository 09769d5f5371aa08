package org.myview.staff;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the provider's discovery document has been read. The framework reads it at start-up; if the
 * provider cannot be reached then, MyView starts all the same (password sign-in works) but the
 * framework would only try again on a request's event loop, where blocking is refused (and, with the
 * client sharing that loop, could hang). So it is read again here, off the event loop, until it works,
 * and {@link SsoFailureFilter} keeps single sign-on requests away until it has.
 */
@Singleton
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
class SsoProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SsoProvider.class);

    private final BeanContext context;
    private final AtomicBoolean ready = new AtomicBoolean();

    SsoProvider(BeanContext context) {
        this.context = context;
    }

    boolean ready() {
        return ready.get();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        check();
        if (!ready.get()) {
            LOG.warn("Single sign-on is not available until the provider's discovery document can be read; trying again every minute or so");
        }
    }

    @Scheduled(initialDelay = "${myview.sso.provider-retry:1m}", fixedDelay = "${myview.sso.provider-retry:1m}")
    void retry() {
        if (!ready.get()) {
            check();
            if (ready.get()) {
                LOG.info("Single sign-on is available: the provider's discovery document was read");
            }
        }
    }

    private void check() {
        ready.set(context.findBean(DefaultOpenIdProviderMetadata.class, Qualifiers.byName("sso")).isPresent());
    }
}
