package org.myview.listened;

import jakarta.inject.Singleton;
import org.myview.web.link.LinkKind;
import org.myview.web.link.LinkStatus;

import java.time.Instant;

/** The follow-up link: {@code /listened/link/{token}}, kept in {@code listened_link}. */
@Singleton
class ListenedLinkKind implements LinkKind {

    static final String NAME = "listened";

    private final ListenedService service;

    ListenedLinkKind(ListenedService service) {
        this.service = service;
    }

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
