package com.pkmnapi.platform;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints that cost a mail or a guess at a code, limited per client by
 * {@code pkmnapi.rate.limit.requests} ({@link RateLimitFilter}). Binding by annotation rather than
 * by URL pattern counts exactly the resource methods, however the path is spelled.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

    /**
     * What a refusal of this endpoint is, in the words of the feature that owns it (for the
     * access tokens, the audit kind, such as {@code token_request_refused}): the
     * {@link RateLimitRefused} event names it, so that the feature can record the refusal.
     */
    String refusal() default "";
}
