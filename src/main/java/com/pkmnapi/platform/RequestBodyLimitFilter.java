package com.pkmnapi.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses request bodies over {@value #MAX_BYTES} bytes with 413 before the application sees them.
 * A declared length over the cap is refused unread; any other body is read up to the cap and then
 * handed on from memory, so an oversized chunked one is refused whole and changes nothing.
 *
 * <p>Reading it here also keeps a body that breaks off (the client closes early, or sends chunks
 * that cannot be parsed) away from JAX-RS: there the failed read becomes an answer that can no
 * longer be written, which Jersey logs as SEVERE with a stack trace, for anyone to repeat at will.
 */
public class RequestBodyLimitFilter extends HttpFilter {

    public static final int MAX_BYTES = 16 * 1024;

    public static final String TOO_LARGE = "Request body too large: at most " + MAX_BYTES + " bytes";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestBodyLimitFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            refuse(response);
            return;
        }
        if (declared == 0 || (declared < 0 && !hasBody(request))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Request body could not be read", e);
            unreadable(response);
            return;
        }
        if (body.length > MAX_BYTES) {
            refuse(response);
            return;
        }
        if (body.length < declared) {
            unreadable(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ErrorEnvelope.write(response, ApiError.PAYLOAD_TOO_LARGE, TOO_LARGE);
    }

    /** Answers, if the connection still takes an answer; a client that has gone is no server fault. */
    private static void unreadable(HttpServletResponse response) {
        try {
            response.setHeader("Connection", "close");
            ErrorEnvelope.write(response, ApiError.BAD_REQUEST, ApiError.BODY_UNREADABLE);
        } catch (IOException e) {
            LOG.log(Level.FINE, "The client has gone", e);
        }
    }

    /**
     * The request with its body already read into memory. The stream is one, however often it is
     * asked for, as the container's own is: Payara Micro 7's Jersey asks again for each read, and a
     * new stream each time would hand it the body's start over and over.
     */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final int length;
        private final ByteArrayInputStream in;
        private final ServletInputStream stream;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.length = body.length;
            this.in = new ByteArrayInputStream(body);
            this.stream = new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int count) {
                    return in.read(buffer, offset, count);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return length;
        }

        @Override
        public long getContentLengthLong() {
            return length;
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            // JSON is UTF-8 (RFC 8259); nothing here reads another charset.
            return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        }
    }
}
