package org.myview.notify;

import java.util.Optional;

/** No API key: nothing leaves the service. The sender marks messages RECORDED for the staff page. */
final class NotConfiguredGateway implements NotifyGateway {

    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public String send(Message message, String templateId, String reference) {
        throw new IllegalStateException("GOV.UK Notify is not configured");
    }

    @Override
    public Optional<String> findSent(String reference) {
        return Optional.empty();
    }
}
