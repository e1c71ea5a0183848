package com.pkmnapi.testsupport;

import com.pkmnapi.testsupport.container.Pop3Inbox;
import jakarta.mail.Part;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the token or the code out of a mail's text, as a user would copy it. */
public final class Mails {

    private static final Pattern TOKEN = Pattern.compile("pkmn_at_[0-9A-Za-z]{49}");
    // the code as a parameter of the link, in its fragment (mails now) or its query (older mails)
    private static final Pattern CODE = Pattern.compile("[#?&]code=([0-9A-Za-z]+)");
    // only the fragment form: the code must not be in a query, where proxies log it
    private static final Pattern LINK = Pattern.compile("https?://\\S+/actions/delete-user#\\S+");

    private Mails() {
    }

    public static String text(Part mail) {
        try {
            String text = Pop3Inbox.plainText(mail);
            if (text == null) {
                throw new AssertionError("The mail has no text/plain part");
            }
            return text;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String token(String text) {
        return find(TOKEN.matcher(text), 0, "access token");
    }

    public static String code(String text) {
        return find(CODE.matcher(text), 1, "deletion code");
    }

    public static String confirmationLink(String text) {
        return find(LINK.matcher(text), 0, "confirmation link");
    }

    private static String find(Matcher matcher, int group, String what) {
        if (!matcher.find()) {
            throw new AssertionError("The mail holds no " + what);
        }
        return matcher.group(group);
    }
}
