package org.myview.web;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A map kept in a jsonb column (a draft's answers, a message's personalisation, an audit event's detail) and its text.
 * The service writes every such map itself, so one it cannot write or read back is a bug: unchecked.
 */
public final class JsonMaps {

    private JsonMaps() {
    }

    public static String text(JsonMapper json, Map<String, ?> map) {
        try {
            return json.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> map(JsonMapper json, String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
