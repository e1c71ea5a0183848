package com.pkmnapi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** Real tokens for tests, the way a user gets them: asked for over HTTP, taken out of the mail. */
public final class Tokens {

    private Tokens() {
    }

    /** Asks for a token for the address and returns the one in the newest mail. */
    public static String issue(Api api, String address) {
        return issue(api, Json.createObjectBuilder().add("email_address", address).build());
    }

    /** Asks for a token with these attributes (the address among them) and returns the one mailed. */
    public static String issue(Api api, JsonObject attributes) {
        String address = attributes.getString("email_address");
        int before = TestSmtpServer.mailsTo(address).size();
        assertEquals(201, api.requestToken(attributes).statusCode(), "token for " + address);
        List<MimeMessage> mails = TestSmtpServer.mailsTo(address);
        assertEquals(before + 1, mails.size(), "one more mail");
        return Mails.token(Mails.text(mails.get(mails.size() - 1)));
    }
}
