package org.myview.languages;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff see every language with its review flag and preview any of them, drafts too, without a link or anything stored. */
@MicronautTest(transactional = false)
class LanguagesPreviewTest {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    private WebClient lead() {
        String username = "languages.lead." + UUID.randomUUID().toString().substring(0, 8);
        StaffFixtures.account(context, username, Role.PARTICIPATION_LEAD);
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, username);
        return browser;
    }

    @Test
    void theHomePageLeadsToTheLanguagesForTheRolesThatMayOpenThem() {
        assertTrue(lead().get("/staff").body().contains("href=\"/staff/languages\""), "a participation lead finds it from home");
        String officer = "languages.iro." + UUID.randomUUID().toString().substring(0, 8);
        StaffFixtures.account(context, officer, Role.REVIEWING_OFFICER);
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, officer);
        WebClient.Page home = browser.get("/staff");
        assertEquals(200, home.status());
        assertFalse(home.body().contains("/staff/languages"), "an officer, who may not open it, is not sent there");
    }

    @Test
    void theListShowsEachLanguageWithItsReviewFlagAndPreviewLinks() {
        WebClient.Page list = lead().get("/staff/languages");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("lang=\"pl\""), "each name in its own language");
        assertTrue(list.body().contains("ਪੰਜਾਬੀ"));
        assertTrue(list.body().contains("Draft: not offered, staff preview only"));
        assertTrue(list.body().contains("Offered to children and parents"));
        assertTrue(list.body().contains("/staff/languages/preview?language=pa&amp;form=consultation-4-7"), list.body());
        assertTrue(list.body().contains("/staff/languages/preview?language=pl&amp;form=parent"));
    }

    @Test
    void aDraftIsPreviewedInItsOwnLanguageWithItsFontAndNothingIsStored() {
        long links = ReviewFixtures.count(context, "select count(*) from consultation_link");
        long invitations = ReviewFixtures.count(context, "select count(*) from parent_invitation");
        WebClient lead = lead();

        WebClient.Page punjabi = lead.get("/staff/languages/preview?language=pa&form=consultation-4-7");
        assertEquals(200, punjabi.status());
        assertTrue(punjabi.body().contains("<html lang=\"en\""), "a staff page in English");
        assertTrue(punjabi.body().contains("lang=\"pa\""), "the previewed words in Punjabi");
        assertTrue(punjabi.body().contains("ਤੁਸੀਂ ਘਰ ਵਿੱਚ ਕਿਵੇਂ ਮਹਿਸੂਸ ਕਰਦੇ ਹੋ?"), "question 1 of the 4-7 version");
        assertTrue(punjabi.body().contains("/static/fonts/gurmukhi.css"), "the Gurmukhi font");
        assertTrue(punjabi.body().contains("Draft: not reviewed by a translator"));

        WebClient.Page polishParent = lead.get("/staff/languages/preview?language=pl&form=parent");
        assertTrue(polishParent.body().contains("Czy wie Pan/Pani, co musi się zmienić?"), "the parent's form in Polish");
        assertFalse(polishParent.body().contains("gurmukhi.css"), "no font for a Latin script");

        WebClient.Page teen = lead.get("/staff/languages/preview?language=pl&form=consultation-12-plus");
        assertTrue(teen.body().contains("Co idzie dobrze?"), "the 12+ version in Polish");
        assertEquals(404, lead.get("/staff/languages/preview?language=pl&form=nothing").status());

        WebClient.Page defaults = lead.get("/staff/languages/preview");
        assertEquals(200, defaults.status(), "without parameters: the first draft, the youngest version");
        assertTrue(defaults.body().contains("lang=\"pl\""));

        assertEquals(links, ReviewFixtures.count(context, "select count(*) from consultation_link"), "no link is made");
        assertEquals(invitations, ReviewFixtures.count(context, "select count(*) from parent_invitation"));
    }
}
