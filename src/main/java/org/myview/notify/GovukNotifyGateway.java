package org.myview.notify;

import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.NotificationList;

import java.util.Optional;

/** GOV.UK Notify through its Java client: used when {@code myview.notify.api-key} is set. */
final class GovukNotifyGateway implements NotifyGateway {

    private final NotificationClient client;

    GovukNotifyGateway(NotifySettings settings) {
        this.client = settings.baseUrl() == null || settings.baseUrl().isBlank()
                ? new NotificationClient(settings.apiKey())
                : new NotificationClient(settings.apiKey(), settings.baseUrl());
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String send(Message message, String templateId, String reference) throws SendFailure {
        try {
            return switch (message.channel()) {
                case EMAIL -> client.sendEmail(templateId, message.recipient(), message.personalisation(), reference)
                        .getNotificationId().toString();
                case SMS -> client.sendSms(templateId, message.recipient(), message.personalisation(), reference)
                        .getNotificationId().toString();
            };
        } catch (NotificationClientException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<String> findSent(String reference) throws SendFailure {
        try {
            NotificationList list = client.getNotifications(null, null, reference, null);
            return list.getNotifications().stream()
                    .filter(n -> n.getReference().map(reference::equals).orElse(false))
                    .map(Notification::getId).map(Object::toString).findFirst();
        } catch (NotificationClientException e) {
            throw failure(e);
        }
    }

    /** Never the exception's message: Notify's error text can repeat the address. */
    private static SendFailure failure(NotificationClientException e) {
        int status = e.getHttpResult();
        if (status == 400 || status == 403) {
            return new SendFailure(SendFailure.Kind.PERMANENT, "HTTP " + status);
        }
        if (status == 429 || status >= 500 && status != 0) {
            return new SendFailure(SendFailure.Kind.RETRY, "HTTP " + status);
        }
        // No status: the connection failed or timed out, and Notify may have accepted the message.
        return new SendFailure(SendFailure.Kind.UNKNOWN, "no answer (" + e.getClass().getSimpleName() + ")");
    }
}
