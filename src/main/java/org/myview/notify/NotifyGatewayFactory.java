package org.myview.notify;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class NotifyGatewayFactory {

    @Singleton
    NotifyGateway gateway(NotifySettings settings) {
        return settings.hasApiKey() ? new GovukNotifyGateway(settings) : new NotConfiguredGateway();
    }
}
