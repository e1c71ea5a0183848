package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertServerHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Browser;
import com.pkmnapi.testsupport.Envelopes;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.SystemPrograms;
import com.pkmnapi.testsupport.TestSmtpServer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The confirmation page of the deletion mail, in a real headless Chromium: opening the link (as a
 * mail scanner would, scripts and all) deletes nothing; only the button does, and the page says
 * what happened. Mails link with the address and the code in the fragment, which the page reads and
 * then removes from the address bar; the query form of older mails works as before. Screenshots of
 * each state go to target/screenshots/.
 */
@SystemPrograms.Require(SystemPrograms.Program.CHROMIUM)
class DeletionPageIT extends HttpClientTest {

    private static final String BUTTON = "Delete my access tokens";
    private static final String TITLE = "Delete your pkmnapi access tokens";
    private static final String DELETED = "Your access tokens have been deleted.";

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void openingTheLinkDeletesNothingAndTheButtonDeletesEverything() throws Exception {
        String address = Addresses.fresh("page");
        String link = deletionLink(address, "ci <b>bot</b>");

        browser.get(link);
        assertEquals(address, awaitElement("email-address").getText());
        assertFalse(browser.findElement(By.tagName("main")).getText().contains("bot"), "no token name on the page");
        WebElement button = browser.findElement(By.id("delete"));
        assertEquals(BUTTON, button.getText());
        Thread.sleep(1000); // time for anything the page might do on its own
        assertEquals("", outcome().getText(), "nothing happened on load");
        Browser.screenshot(browser, "delete-user-opened");

        button.click();

        assertEquals(DELETED, awaitOutcome("success"));
        assertFalse(button.isDisplayed(), "no second click");
        Browser.screenshot(browser, "delete-user-deleted");
        // the code the page sent was the valid one, and it is used up now
        Envelopes.assertError(api.delete(address, Mails.code(link)), 400, "error_access_tokens_invalid",
                "Invalid or expired code");
    }

    @Test
    void theQueryFormOfOlderMailsStillWorksTheSameWay() throws Exception {
        String address = Addresses.fresh("page-query");
        String link = queryForm(deletionLink(address));

        browser.get(link);
        assertEquals(address, browser.findElement(By.id("email-address")).getText());
        WebElement button = browser.findElement(By.id("delete"));
        Thread.sleep(1000); // time for anything the page might do on its own
        assertEquals("", outcome().getText(), "nothing happened on load");
        Browser.screenshot(browser, "delete-user-query-form");

        button.click();

        assertEquals(DELETED, awaitOutcome("success"));
        Envelopes.assertError(api.delete(address, Mails.code(link)), 400, "error_access_tokens_invalid",
                "Invalid or expired code");
    }

    @Test
    void afterLoadingTheAddressBarAndTheHistoryNoLongerHoldTheCode() {
        String address = Addresses.fresh("page-history");
        String link = deletionLink(address);
        String code = Mails.code(link);
        String page = api.base() + "actions/delete-user";

        browser.get(link);
        WebElement button = awaitElement("delete");

        assertEquals(page, browser.getCurrentUrl());
        button.click();
        assertEquals(DELETED, awaitOutcome("success"), "the page kept what it read from the link");
        // the link's history entry was replaced, not followed by a clean one: no way back to the code
        browser.navigate().back();
        assertFalse(browser.getCurrentUrl().contains(code), browser.getCurrentUrl());
        browser.navigate().forward();
        assertEquals(page, browser.getCurrentUrl());
    }

    @Test
    void aWrongCodeShowsTheErrorAndDeletesNothing() throws Exception {
        String address = Addresses.fresh("page-wrong");
        String link = deletionLink(address);
        String code = Mails.code(link);

        browser.get(link.replace("code=" + code, "code=" + code.substring(1) + "x"));
        awaitElement("delete").click();

        assertTrue(awaitOutcome("error").startsWith("Invalid or expired code."), outcome().getText());
        Browser.screenshot(browser, "delete-user-invalid-code");
        assertEquals(204, api.delete(address, code).statusCode(), "the real code still deletes: nothing was deleted");
    }

    @ParameterizedTest(name = "after \"{0}\"")
    @ValueSource(strings = {"#", "?"})
    void aLinkWithMarkupOrTextForAnAddressShowsOnlyTheServicesOwnWords(String separator) {
        String script = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";
        String phishing = "ACTION REQUIRED: re-verify at https://corp-sso.evil.example";
        for (String notAnAddress : List.of(script, phishing, "you@example.com " + phishing)) {
            browser.get("about:blank");
            browser.get(api.base() + "actions/delete-user" + separator
                    + "email_address=" + URLEncoder.encode(notAnAddress, StandardCharsets.UTF_8)
                    + "&code=" + URLEncoder.encode("\"><script>document.title='pwned'</script>", StandardCharsets.UTF_8));

            assertTrue(awaitElement("incomplete").getText().startsWith("This link is incomplete or not one of ours"),
                    notAnAddress);
            String shown = browser.findElement(By.tagName("main")).getText();
            assertFalse(shown.contains("evil") || shown.contains("pwned") || shown.contains("<"), shown);
            assertTrue(browser.findElements(By.id("delete")).isEmpty(), "no button for " + notAnAddress);
            assertEquals(TITLE, browser.getTitle(), "no script ran");
            assertTrue(browser.findElements(By.tagName("img")).isEmpty(), "no element was injected");
            assertEquals(2, browser.findElements(By.tagName("script")).size() + browser.findElements(By.tagName("link")).size(),
                    "only the page's own script and style");
        }
        Browser.screenshot(browser, "delete-user-not-an-address-" + (separator.equals("#") ? "fragment" : "query"));
    }

    @Test
    void aCraftedLinkCannotAddTextToTheConfirmation() {
        String address = Addresses.fresh("page-crafted");
        String link = deletionLink(address);

        browser.get(link + "&name=" + URLEncoder.encode("ACTION REQUIRED: call +1 555 0100", StandardCharsets.UTF_8));

        assertEquals(address, awaitElement("email-address").getText());
        String shown = browser.findElement(By.tagName("main")).getText();
        assertFalse(shown.contains("ACTION") || shown.contains("555"), shown);
    }

    @Test
    void aLinkWithoutAddressOrCodeSaysSoAndOffersNoButton() {
        for (String rest : List.of("", "#", "#code=abc", "#email_address=you%40example.com", "#email_address=&code=",
                "#email_address=%20&code=%20", "?code=abc", "?email_address=you%40example.com", "?email_address=&code=",
                "?email_address=you%40example.com#code=abc")) {
            browser.get("about:blank"); // a new page each time, not a jump within the last one
            browser.get(api.base() + "actions/delete-user" + rest);

            assertTrue(awaitElement("incomplete").getText().startsWith("This link is incomplete or not one of ours"), rest);
            assertTrue(browser.findElements(By.id("delete")).isEmpty(), "no button for " + rest);
            assertFalse(browser.getCurrentUrl().contains("#"), "the fragment is gone for " + rest);
        }
        Browser.screenshot(browser, "delete-user-incomplete");
    }

    @Test
    void aSecondLinkOpenedInTheSameTabShowsItsOwnAddress() {
        browser.get(api.base() + "actions/delete-user#code=abc");
        awaitElement("incomplete");
        String address = Addresses.fresh("page-same-tab");

        // the same page with another fragment: the browser does not load it again by itself
        browser.get(deletionLink(address));

        assertEquals(address, awaitElement("email-address").getText());
        browser.findElement(By.id("delete")).click();
        assertEquals(DELETED, awaitOutcome("success"));
    }

    @Test
    void withoutJavaScriptThePageSaysItNeedsItAndOffersNoButton() {
        String address = Addresses.fresh("page-noscript");
        String link = deletionLink(address);
        ChromeDriver noScript = Browser.startWithoutJavaScript();
        try {
            noScript.get(link);

            String text = noScript.findElement(By.tagName("main")).getText();
            assertTrue(text.contains("This page needs JavaScript"), text);
            assertTrue(noScript.findElements(By.id("delete")).isEmpty(), "no button that could not work");
            assertTrue(noScript.findElements(By.id("incomplete")).isEmpty(), "the link is not incomplete");
            Browser.screenshot(noScript, "delete-user-without-javascript");
        } finally {
            noScript.quit();
        }
        assertEquals(204, api.delete(address, Mails.code(link)).statusCode(), "nothing was deleted");
    }

    @Test
    void aNetworkErrorIsShownInWordsAndTheButtonStaysUsable() throws Exception {
        String address = Addresses.fresh("page-offline");
        browser.get(deletionLink(address));
        awaitElement("delete");

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        browser.findElement(By.id("delete")).click();

        assertTrue(awaitOutcome("error").startsWith("Network error"), outcome().getText());
        Browser.screenshot(browser, "delete-user-network-error");
        browser.deleteNetworkConditions();
        WebElement button = browser.findElement(By.id("delete"));
        assertTrue(button.isEnabled(), "the user can try again");
        button.click();
        assertEquals(DELETED, awaitOutcome("success"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"actions/delete-user", "actions/delete-user?email_address=a%40example.com&code=c0de"})
    void servesThePageWithHeadersThatKeepTheCodeInAndEverythingElseOut(String path) {
        HttpResponse<String> page = api.send("GET", path, BodyPublishers.noBody());

        assertEquals(200, page.statusCode());
        assertServerHeader(page);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(DeletionPageResource.CONTENT_SECURITY_POLICY,
                page.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no external resource");
        for (String asset : List.of("actions/delete-user.js", "actions/delete-user.css")) {
            HttpResponse<String> response = api.send("GET", asset, BodyPublishers.noBody());
            assertEquals(200, response.statusCode(), asset);
            assertFalse(response.body().isBlank(), asset);
        }
    }

    /** Gets a token and a deletion mail for the address; returns the mail's confirmation link. */
    private String deletionLink(String address) {
        return deletionLink(address, null);
    }

    /** The same, for a token of that name (or none, where null). */
    private String deletionLink(String address, String tokenName) {
        JsonObjectBuilder attributes = Json.createObjectBuilder().add("email_address", address);
        if (tokenName != null) {
            attributes.add("name", tokenName);
        }
        assertEquals(201, api.requestToken(attributes.build()).statusCode());
        int before = TestSmtpServer.mailsTo(address).size();
        assertEquals(201, api.requestDeletion(address).statusCode());
        List<jakarta.mail.internet.MimeMessage> mails = TestSmtpServer.awaitMailsTo(address, before + 1);
        return Mails.confirmationLink(Mails.text(mails.get(mails.size() - 1)));
    }

    /** The link as older mails wrote it, with the address and the code in the query. */
    private static String queryForm(String link) {
        return link.replace("/actions/delete-user#", "/actions/delete-user?");
    }

    /** The element once the page's script has put it there. */
    private WebElement awaitElement(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private WebElement outcome() {
        return browser.findElement(By.id("outcome"));
    }

    private String awaitOutcome(String kind) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.attributeToBe(By.id("outcome"), "class", kind));
        return outcome().getText();
    }
}
