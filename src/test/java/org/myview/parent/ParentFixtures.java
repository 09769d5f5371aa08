package org.myview.parent;

import io.micronaut.context.ApplicationContext;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.Secrets;
import org.myview.web.FormErrors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Plans and links for the parent feedback tests, made through the services. */
final class ParentFixtures {

    private ParentFixtures() {
    }

    /** {@code contact} is an email address, or a mobile number when it starts 07. */
    static void plan(ApplicationContext context, String reference, LocalDate start, LocalDate end, String parentName, String email) {
        plan(context, reference, start, end, parentName, email, "en");
    }

    /** A plan whose parent's language is {@code language} (as staff record it). */
    static void plan(ApplicationContext context, String reference, LocalDate start, LocalDate end, String parentName, String email,
                     String language) {
        FormErrors errors = context.getBean(PlanService.class).add(lead(context), new PlanEntry(reference, "CP", start.toString(),
                end == null ? null : end.toString(), "C-" + reference, parentName,
                email.startsWith("07") ? null : email, email.startsWith("07") ? email : null, language));
        if (!errors.isEmpty()) {
            throw new IllegalStateException("plan not saved: " + errors.all());
        }
    }

    static org.myview.staff.StaffUser lead(ApplicationContext context) {
        long id = ReviewFixtures.count(context, "select coalesce((select id from staff_account where username = 'parent.fixture.lead'), 0)");
        if (id == 0) {
            id = org.myview.support.StaffFixtures.account(context, "parent.fixture.lead", Role.PARTICIPATION_LEAD);
        }
        return new org.myview.staff.StaffUser(id, "parent.fixture.lead", "Lead", java.util.Set.of(Role.PARTICIPATION_LEAD), null);
    }

    /** The links in the outbox (as the parent would receive them), newest last; each remembered for the log leak check. */
    static List<String> links(ApplicationContext context, String kind) {
        List<String> links = new ArrayList<>();
        try (var c = ReviewFixtures.connection(context);
             var ps = c.prepareStatement("select o.personalisation->>'link' from notification_outbox o join parent_invitation i on i.id = o.subject_id "
                     + "and o.subject_type = 'parent_invitation' where i.kind = ? order by o.id")) {
            ps.setString(1, kind);
            var rs = ps.executeQuery();
            while (rs.next()) {
                String link = rs.getString(1);
                Secrets.remember(link.substring(link.lastIndexOf('/') + 1));
                links.add(link);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return links;
    }

    static String path(String link) {
        return link.substring(link.indexOf("/parent/link/"));
    }

    static void clear(ApplicationContext context) {
        ReviewFixtures.execute(context, "delete from parent_response; delete from parent_invitation; delete from parent_round; "
                + "delete from parent_contact; delete from parent_plan_child; delete from parent_plan; delete from notification_outbox; "
                + "delete from link_throttle");
    }
}
