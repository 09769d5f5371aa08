package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.web.link.LinkKind;
import org.myview.web.link.LinkStatus;

import java.time.Instant;

/** The child's link: {@code /consultation/link/{token}}, kept in {@code consultation_link}. */
@Singleton
record ConsultationLinkKind(ConsultationService service) implements LinkKind {

    static final String NAME = "consultation";

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
