package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.EmailAddress;
import com.pkmnapi.platform.ClasspathText;
import com.pkmnapi.platform.Html;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The page the deletion mail links to. Mails carry the address and the code in the fragment
 * ({@code /actions/delete-user#email_address=...&code=...}), which browsers never send, so no
 * server or proxy logs the code; the page's script reads them, shows the address as text and then
 * removes them from the address bar. Older mails carried them in the query; that page is rendered
 * here, escaped, as it always was. Either way the page shows the address and one button; only the
 * click sends {@code DELETE /v1/access_tokens}, so mail scanners that open links, even those that
 * run scripts, delete nothing. The page loads nothing but its own script and style.
 *
 * <p>The page shows nothing a link can choose but the address, as text, and only where it is an
 * address the service would accept: anything else in a link gets the incomplete-link page, so that
 * a crafted link cannot make the service's own page say what its author wants.
 */
@Path("actions")
public class DeletionPageResource {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String SCRIPT = ClasspathText.read(DeletionPageResource.class, "delete-user.js");
    private static final String STYLE = ClasspathText.read(DeletionPageResource.class, "delete-user.css");

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>Delete your pkmnapi access tokens</title>
            <link rel="stylesheet" href="delete-user.css">
            <script src="delete-user.js" defer></script>
            </head>
            <body>
            <main>
            <h1>Delete your pkmnapi access tokens</h1>
            %s
            <p id="outcome" role="status" aria-live="polite"></p>
            </main>
            </body>
            </html>
            """;

    private static final String CONFIRMATION = """
            <p>This deletes every access token of <span id="email-address">%1$s</span>. Services that use them \
            stop working at once.</p>
            <p>Nothing happens until you press the button.</p>
            <button type="button" id="delete" data-email-address="%1$s" data-code="%2$s">Delete my access tokens</button>""";

    private static final String NEEDS_JAVASCRIPT = """
            <noscript><p>This page needs JavaScript to send the deletion.</p></noscript>""";

    private static final String INCOMPLETE = """
            <p id="incomplete">This link is incomplete or not one of ours: it needs an email address and a code. \
            Open the link from your deletion mail as it is, or ask for a new deletion mail.</p>""";

    /**
     * The page for a link with the values in its fragment: the script fills in one of the two
     * templates, which stay inert (no button in the page) until it does.
     */
    private static final String FROM_FRAGMENT = NEEDS_JAVASCRIPT + "\n<template id=\"confirmation\">"
            + CONFIRMATION.formatted("", "") + "</template>\n<template id=\"incomplete-link\">" + INCOMPLETE
            + "</template>";

    @GET
    @Path("delete-user")
    @Produces("text/html; charset=UTF-8")
    public Response page(@QueryParam("email_address") String emailAddress, @QueryParam("code") String code) {
        String content;
        // anything in the query means one of the older mails: that page is rendered here, as before
        if (isBlank(emailAddress) && isBlank(code)) {
            content = FROM_FRAGMENT;
        } else if (!EmailAddress.isValid(emailAddress) || isBlank(code)) {
            content = INCOMPLETE;
        } else {
            content = CONFIRMATION.formatted(Html.escape(emailAddress), Html.escape(code)) + "\n" + NEEDS_JAVASCRIPT;
        }
        return Response.ok(PAGE.formatted(content))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                // older mails put the code in this page's address: it must not travel on in a Referer header
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("delete-user.js")
    @Produces("text/javascript; charset=UTF-8")
    public Response script() {
        return asset(SCRIPT);
    }

    @GET
    @Path("delete-user.css")
    @Produces("text/css; charset=UTF-8")
    public Response style() {
        return asset(STYLE);
    }

    private static Response asset(String content) {
        return Response.ok(content)
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

}
