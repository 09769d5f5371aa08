package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.web.PublicLanguages;

import java.util.Locale;

/**
 * Where the recordings and pictures of the 4-7 version are served. A recording is named by the message
 * key of the words it speaks, per language: {@code /audio/<language>/<key>.ogg}, made by
 * {@code tools/audio/generate.py}; a trust's own recording with the same name, in the directory that
 * {@code MYVIEW_AUDIO_DIRECTORY} names, is served instead (application.yml lists that directory first).
 */
@Singleton
record AudioFiles(PublicLanguages languages) {

    String url(String messageKey, Locale locale) {
        return "/audio/" + languages.tagOf(locale) + "/" + messageKey + ".ogg";
    }

    static String picture(String value) {
        return "/static/pictures/" + value + ".svg?v=1";
    }
}
