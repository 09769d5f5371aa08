package org.myview.notify;

import java.util.Map;

/**
 * One message to one person. The words are in the Notify template ({@code templateKey} names it in
 * configuration); {@code personalisation} fills it in, and holds nothing beyond a greeting and a link.
 */
public record Message(Channel channel, String recipient, String templateKey, Map<String, String> personalisation) {

    public Message {
        personalisation = Map.copyOf(personalisation);
    }
}
