package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.TestSmtpServer;
import com.pkmnapi.testsupport.Tokens;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No request header decides the host of a link, on a server without pkmnapi.public.base.url (the
 * one with it is in ShortSettingsIT): a forged Host gets no deletion mail made and a relative
 * Location; X-Forwarded-Host and Forwarded are ignored; loopback names still get links, so the
 * development run works. (The test JVM may send Host: see jdk.httpclient.allowRestrictedHeaders
 * in pom.xml.)
 */
class ForgedHostsIT extends HttpClientTest {

    @Test
    void aDeletionRequestNamingAnotherHostMakesNoMailAndNamesTheSetting() {
        String address = Addresses.fresh("victim");
        String token = Tokens.issue(api, address);

        HttpResponse<String> forged = post("v1/access_tokens/delete", address, "Host", "evil.example");

        String message = assertError(forged, 503, "error_service_unavailable");
        assertTrue(message.contains("pkmnapi.public.base.url") && message.contains("PKMNAPI_PUBLIC_BASE_URL"), message);
        assertEquals(201, api.requestDeletion(address).statusCode(), "the refused request started no window");
        List<MimeMessage> mails = TestSmtpServer.awaitMailsTo(address, 2);
        assertEquals(2, mails.size(), "only the loopback request's deletion mail");
        String link = Mails.confirmationLink(Mails.text(mails.get(1)));
        assertTrue(link.startsWith(api.base().resolve("actions/delete-user").toString()), link);
        assertEquals(200, api.current(token).statusCode());
    }

    @Test
    void aTokenRequestNamingAnotherHostGetsARelativeLocation() {
        HttpResponse<String> forged = post("v1/access_tokens", Addresses.fresh("relative"), "Host", "evil.example:8443");

        assertEquals(201, forged.statusCode(), forged::body);
        String location = forged.headers().firstValue("Location").orElseThrow();
        assertFalse(location.contains("evil.example"), location);
        assertEquals(api.base().getRawPath() + "v1/access_tokens", location);
    }

    @Test
    void forwardedHostHeadersChangeNoLink() {
        String address = Addresses.fresh("forwarded");
        Tokens.issue(api, address);

        HttpResponse<String> requested = post("v1/access_tokens/delete", address,
                "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example;proto=https",
                "X-Forwarded-Proto", "https");

        assertEquals(201, requested.statusCode(), requested::body);
        assertEquals(api.base().resolve("v1/access_tokens").toString(), requested.headers().firstValue("Location").orElseThrow());
        String text = Mails.text(TestSmtpServer.awaitMailsTo(address, 2).get(1));
        assertFalse(text.contains("evil.example"), text);
        assertTrue(Mails.confirmationLink(text).startsWith(api.base().resolve("actions/delete-user").toString()), text);
    }

    @Test
    void theLoopbackNameLocalhostGetsLinksToo() {
        String address = Addresses.fresh("localhost");
        Tokens.issue(api, address);
        String localhost = api.base().toString().replace("//127.0.0.1", "//localhost");

        HttpResponse<String> requested = post("v1/access_tokens/delete", address,
                "Host", api.base().getAuthority().replace("127.0.0.1", "localhost"));

        assertEquals(201, requested.statusCode(), requested::body);
        assertEquals(localhost + "v1/access_tokens", requested.headers().firstValue("Location").orElseThrow());
        String link = Mails.confirmationLink(Mails.text(TestSmtpServer.awaitMailsTo(address, 2).get(1)));
        assertTrue(link.startsWith(localhost + "actions/delete-user"), link);
    }

    private HttpResponse<String> post(String path, String address, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = Api.JSON;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.send("POST", path, BodyPublishers.ofString(Api.envelope(address)), all);
    }
}
