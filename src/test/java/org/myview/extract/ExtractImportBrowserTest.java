package org.myview.extract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myview.staff.Role;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extract import page on a laptop and on a phone (360x640): a bad extract's problems, then a good one's summary, then
 * the review page of a review the next extract moved. axe on each.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractImportBrowserTest {

    private static final String HEADER = "RECORD,CASE_REFERENCE,FIRST_NAME,DOB,LANGUAGE,REVIEWING_OFFICER,REVIEW_ID,REVIEW_TYPE,REVIEW_DATE";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();

    @BeforeAll
    void data() {
        StaffFixtures.account(context, "exb.manager", Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "exb.officer", Role.REVIEWING_OFFICER);
    }

    @AfterAll
    void close() {
        browsers.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE"})
    void aManagerImportsAnExtractAfterCorrectingIt(Device device) throws IOException {
        String prefix = "EXB" + device.ordinal();
        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), "exb.manager");
        browser.open(server.getURI().resolve("/extracts/import"));
        browser.assertAccessible();
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }

        upload(browser, String.join("\n", HEADER, "CHILD," + prefix + "1,,14/03/2012,ar,exb.officer,,,",
                "REVIEW," + prefix + "1,,,,,R1,CLA,31/02/2026"));
        String refused = browser.pageText();
        assertTrue(refused.contains("There are 2 problems with the extract"), refused);
        assertTrue(refused.contains("Line 3, REVIEW_DATE"), refused);
        browser.assertAccessible();
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }

        upload(browser, String.join("\n", HEADER, "CHILD," + prefix + "1,Amira,14/03/2012,ar,exb.officer,,,",
                "REVIEW," + prefix + "1,,,,,R1,CLA,28/02/2026"));
        String imported = browser.pageText();
        assertTrue(imported.contains("Extract imported"), imported);
        assertTrue(imported.contains("1 added, 0 changed"), imported);
        browser.assertAccessible();
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }

        // The case system moves the review: the review page shows from and to.
        upload(browser, String.join("\n", HEADER, "CHILD," + prefix + "1,Amira,14/03/2012,ar,exb.officer,,,",
                "REVIEW," + prefix + "1,,,,,R1,CLA,07/03/2026"));
        long reviewId = ReviewFixtures.count(context, "select r.id from review r join child c on c.id = r.child_id where c.case_reference = '"
                + prefix + "1'");
        browser.open(server.getURI().resolve("/reviews/" + reviewId));
        String review = browser.pageText();
        assertTrue(review.contains("Moved by the case system") && review.contains("28 Feb 2026") && review.contains("7 Mar 2026"), review);
        browser.assertAccessible();
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }
    }

    private static void upload(Browser browser, String csv) throws IOException {
        Path file = Files.createTempFile("extract", ".csv");
        Files.writeString(file, csv);
        browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.clickButton("Import");
    }
}
