package org.myview.listened;

import jakarta.inject.Singleton;
import org.myview.web.link.LinkKind;
import org.myview.web.link.LinkStatus;

import java.time.Instant;

/** The follow-up link: {@code /listened/link/{token}}, kept in {@code listened_link}. */
@Singleton
record ListenedLinkKind(ListenedService service) implements LinkKind {

    static final String NAME = "listened";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LinkStatus findByHash(byte[] tokenHash, Instant now) {
        return service.statusByHash(tokenHash, now);
    }

    @Override
    public LinkStatus findById(long linkId, Instant now) {
        return service.statusById(linkId, now);
    }
}
