package com.pkmnapi.accesstokens.boundary;

import com.pkmnapi.accesstokens.control.AddressNotAllowed;
import com.pkmnapi.accesstokens.control.InvalidDeletionCode;
import com.pkmnapi.accesstokens.control.InvalidEmailAddress;
import com.pkmnapi.accesstokens.control.MailBusy;
import com.pkmnapi.accesstokens.control.MailNotSent;
import com.pkmnapi.accesstokens.control.MailboxBusy;
import com.pkmnapi.accesstokens.control.ResendWindowOpen;
import com.pkmnapi.accesstokens.control.TokenLimitReached;
import com.pkmnapi.platform.ErrorEnvelope;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** One mapper per refusal of the token manager, each to its status, error id and message. */
public final class RefusalMappers {

    private RefusalMappers() {
    }

    @Provider
    public static class InvalidEmailAddressMapper implements ExceptionMapper<InvalidEmailAddress> {
        @Override
        public Response toResponse(InvalidEmailAddress refusal) {
            return ErrorEnvelope.response(400, AccessTokenRequest.INVALID,
                    "Invalid email address: " + refusal.value()).build();
        }
    }

    @Provider
    public static class AddressNotAllowedMapper implements ExceptionMapper<AddressNotAllowed> {
        @Override
        public Response toResponse(AddressNotAllowed refusal) {
            return ErrorEnvelope.response(400, AccessTokenRequest.INVALID,
                    "Email address not allowed: " + refusal.value()).build();
        }
    }

    @Provider
    public static class PublicBaseUrlMissingMapper implements ExceptionMapper<PublicUrls.PublicBaseUrlMissing> {
        @Override
        public Response toResponse(PublicUrls.PublicBaseUrlMissing refusal) {
            return ErrorEnvelope.response(503, ErrorEnvelope.idOf(503), refusal.getMessage()).build();
        }
    }

    @Provider
    public static class InvalidDeletionCodeMapper implements ExceptionMapper<InvalidDeletionCode> {
        @Override
        public Response toResponse(InvalidDeletionCode refusal) {
            return ErrorEnvelope.response(400, AccessTokenRequest.INVALID, "Invalid or expired code").build();
        }
    }

    @Provider
    public static class ResendWindowOpenMapper implements ExceptionMapper<ResendWindowOpen> {
        @Override
        public Response toResponse(ResendWindowOpen refusal) {
            long seconds = refusal.retryAfterSeconds();
            return ErrorEnvelope.response(403, "error_access_tokens_timeout",
                            "Please try again in " + seconds + " seconds")
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build();
        }
    }

    /** Like two requests for one address at once: the other one's answer comes first. */
    @Provider
    public static class MailboxBusyMapper implements ExceptionMapper<MailboxBusy> {
        @Override
        public Response toResponse(MailboxBusy refusal) {
            long seconds = MailboxBusy.RETRY_AFTER_SECONDS;
            return ErrorEnvelope.response(403, "error_access_tokens_timeout",
                            "Please try again in " + seconds + " seconds")
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build();
        }
    }

    @Provider
    public static class MailBusyMapper implements ExceptionMapper<MailBusy> {
        @Override
        public Response toResponse(MailBusy refusal) {
            return ErrorEnvelope.response(503, "error_access_tokens_email",
                            "Too many emails are being sent; nothing was changed. Please try again in "
                                    + refusal.retryAfterSeconds() + " seconds")
                    .header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds())
                    .build();
        }
    }

    @Provider
    public static class TokenLimitReachedMapper implements ExceptionMapper<TokenLimitReached> {
        @Override
        public Response toResponse(TokenLimitReached refusal) {
            return ErrorEnvelope.response(403, "error_access_tokens_forbidden",
                    "This address already holds " + refusal.cap()
                            + " access tokens, the most it may; delete them to get a new one").build();
        }
    }

    @Provider
    public static class MailNotSentMapper implements ExceptionMapper<MailNotSent> {

        private static final Logger LOG = Logger.getLogger(MailNotSentMapper.class.getName());

        @Override
        public Response toResponse(MailNotSent refusal) {
            LOG.warning(refusal::getMessage);
            return ErrorEnvelope.response(503, "error_access_tokens_email",
                    "The email could not be sent; nothing was changed. Please try again later").build();
        }
    }
}
