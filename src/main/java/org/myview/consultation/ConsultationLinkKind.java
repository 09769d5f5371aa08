package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.web.link.LinkKind;
import org.myview.web.link.LinkStatus;

import java.time.Instant;

/** The child's link: {@code /consultation/link/{token}}, kept in {@code consultation_link}. */
@Singleton
class ConsultationLinkKind implements LinkKind {

    static final String NAME = "consultation";

    private final ConsultationService service;

    ConsultationLinkKind(ConsultationService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Childline, as on every page of the child's form. */
    @Override
    public String helpKey() {
        return "link.problem.childline";
    }

    @Override
    public String talkNowPath() {
        return "/consultation/talk";
    }

    @Override
    public LinkStatus findByHash(byte[] tokenHash, Instant now) {
        return service.linkStatusByHash(tokenHash, now);
    }

    @Override
    public LinkStatus findById(long linkId, Instant now) {
        return service.linkStatus(linkId, now);
    }
}
