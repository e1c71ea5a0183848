package com.pkmnapi.testsupport;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests that drive the service over HTTP from outside the server: the WAR on its own
 * Payara Micro, and a client for its URL, reached at 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class HttpClientTest {

    @ArquillianResource
    protected URL base;

    protected Api api;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.war();
    }

    /** Over the loopback name: without pkmnapi.public.base.url only such requests get links. */
    @BeforeEach
    void client() {
        api = new Api(base).overLoopback();
    }
}
