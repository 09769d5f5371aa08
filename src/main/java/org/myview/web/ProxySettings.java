package org.myview.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * The reverse proxies in front of the service (docs/security.md, "Proxies"). Only a request whose connection
 * comes from one of {@code trustedAddresses} (exact addresses or CIDR ranges, for example {@code 10.0.0.0/8})
 * has its {@code X-Forwarded-For} / {@code X-Forwarded-Proto} headers believed; from anyone else they are
 * ignored, since any client can send them. Empty (the default): the service is reached directly.
 */
@ConfigurationProperties("myview.proxy")
public record ProxySettings(
        @Bindable(defaultValue = "") List<String> trustedAddresses,
        @Bindable(defaultValue = "X-Forwarded-For") String clientAddressHeader) {
}
