package com.pkmnapi.mail;

import com.pkmnapi.platform.ConfigValues;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * How mail is sent ({@link Mailer}).
 *
 * @param from the sender of every mail, an RFC 5322 address with an optional display name
 *        ({@code pkmnapi.mail.from})
 * @param session JNDI name of the container-managed Jakarta Mail session ({@code pkmnapi.mail.session})
 * @param maxInFlight SMTP conversations this server holds at once; past them a request is refused
 *        at once ({@code pkmnapi.mail.max.in.flight})
 * @param timeout the most one SMTP conversation may take, all of it: connecting, every reply and
 *        the data; a conversation still going then is cut off and counts as failed
 *        ({@code pkmnapi.mail.timeout.seconds})
 * @param retryDelays after a mail sent later failed, the waits before each further try (by
 *        default after 30 s, then 2 and 5 minutes); empty for no retry
 *        ({@code pkmnapi.mail.retry.delays.seconds})
 */
public record MailSettings(String from, String session, int maxInFlight, Duration timeout, List<Duration> retryDelays) {

    public static final String FROM = "pkmnapi.mail.from";
    public static final String SESSION = "pkmnapi.mail.session";
    public static final String MAX_IN_FLIGHT = "pkmnapi.mail.max.in.flight";
    public static final String TIMEOUT_SECONDS = "pkmnapi.mail.timeout.seconds";
    public static final String RETRY_DELAYS_SECONDS = "pkmnapi.mail.retry.delays.seconds";

    public static MailSettings from(Config config) {
        ConfigValues read = ConfigValues.of(config);
        return new MailSettings(read.text(FROM), read.text(SESSION), read.positive(MAX_IN_FLIGHT),
                read.positiveSeconds(TIMEOUT_SECONDS), read.durations(RETRY_DELAYS_SECONDS));
    }
}
