package org.myview.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Who runs this deployment of MyView: shown in the header, the footer and the privacy notice. */
@ConfigurationProperties("myview")
public record ServiceSettings(
        @Bindable(defaultValue = "Example Children's Trust") String organisationName,
        @Bindable(defaultValue = "dataprotection@example.org") String contactEmail) {
}
