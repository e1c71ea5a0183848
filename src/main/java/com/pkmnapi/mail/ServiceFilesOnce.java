package com.pkmnapi.mail;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's class loader, but each service file ({@code META-INF/services/...}) is looked
 * up once. Jakarta Mail 2.1 finds its {@code StreamProvider} with a {@code ServiceLoader} on the
 * thread's context class loader for every body part it makes, writes or encodes, about ten times
 * a mail; in a web application's class loader each lookup searches every jar of the application
 * and the server. Set as the context class loader while a mail is composed and sent (the
 * {@link Mailer} does), it answers those lookups from memory; classes and every other resource
 * come from the application's loader as before.
 *
 * <p>A workaround, with an exit: upstream, jakartaee/mail-api#699 (Multipart's look-up on every
 * instance, fixed in Mail API 2.2, where a message asks its session) and #861 (the same look-ups
 * all over MimeUtility, open). Jakarta EE 10 and 11 servers bring Mail API 2.1, whatever the WAR
 * holds, since the API is the server's. Remove this class once the servers the WAR is tested on
 * bring a Mail API in which both are fixed, and the benchmark's mail figures do not drop without it:
 * {@code src/bench/mail-loader-cost.sh} runs this WAR beside the same WAR without it and prints
 * both servers' processor time per mail.
 */
final class ServiceFilesOnce extends ClassLoader {

    private static final String SERVICE_FILES = "META-INF/services/";

    private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

    ServiceFilesOnce(ClassLoader application) {
        super(application);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICE_FILES)) {
            return super.getResources(name);
        }
        List<URL> found = serviceFiles.get(name);
        if (found == null) {
            found = Collections.list(getParent().getResources(name));
            serviceFiles.putIfAbsent(name, found);
        }
        return Collections.enumeration(found);
    }

    /** Runs the work with this loader as the thread's context class loader. */
    <E extends Exception> void around(Work<E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(this);
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @FunctionalInterface
    interface Work<E extends Exception> {
        void run() throws E;
    }
}
