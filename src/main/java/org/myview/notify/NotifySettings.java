package org.myview.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Map;

/**
 * {@code myview.notify.*}: the GOV.UK Notify API key (none: messages are recorded, not sent), the
 * template id of each template key and channel ({@code templates.parent-invitation.email}), and how
 * the sender retries.
 */
@ConfigurationProperties("myview.notify")
public record NotifySettings(@Nullable String apiKey,
                             @Nullable String baseUrl,
                             @Nullable Map<String, Map<String, String>> templates,
                             @Nullable Duration retryBase,
                             @Nullable Duration retryMax,
                             @Nullable Integer maxAttempts,
                             @Nullable Duration lease,
                             @Nullable Integer batchSize) {

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** The Notify template id for a template key on a channel; the key itself when none is configured. */
    public String templateId(String templateKey, Channel channel) {
        Map<String, String> ids = templates == null ? null : templates.get(templateKey);
        String id = ids == null ? null : ids.get(channel.name().toLowerCase());
        return id == null || id.isBlank() ? templateKey + "/" + channel.name().toLowerCase() : id;
    }

    Duration retryBaseOrDefault() {
        return retryBase == null ? Duration.ofSeconds(30) : retryBase;
    }

    Duration retryMaxOrDefault() {
        return retryMax == null ? Duration.ofHours(2) : retryMax;
    }

    int maxAttemptsOrDefault() {
        return maxAttempts == null ? 10 : maxAttempts;
    }

    /** How long a claim lasts: longer than the slowest send (the client's own timeouts) by a wide margin. */
    Duration leaseOrDefault() {
        return lease == null ? Duration.ofMinutes(5) : lease;
    }

    int batchSizeOrDefault() {
        return batchSize == null ? 50 : batchSize;
    }
}
