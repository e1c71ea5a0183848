package com.pkmnapi.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;

/**
 * The sockets of SMTP conversations, so that a conversation past its deadline can be cut off from
 * another thread. Jakarta Mail's own time-outs bound each connect, read and write, not the whole
 * conversation: a server that answers a byte just before each read time-out would hold a thread
 * for ever. Installed as the mail session's socket factory (the property
 * {@code mail.smtp.socketFactory}, which Jakarta Mail takes as an instance), it makes ordinary
 * sockets and records each under the {@link Conversation} that the calling thread is in. With
 * STARTTLS, TLS is layered over these sockets, so closing them ends that too.
 */
final class SmtpSockets extends SocketFactory {

    private static final ThreadLocal<Conversation> CURRENT = new ThreadLocal<>();

    private final SocketFactory delegate;

    SmtpSockets(SocketFactory delegate) {
        this.delegate = delegate;
    }

    /** The factory that makes the sockets: the server's, or the platform's default. */
    SocketFactory delegate() {
        return delegate;
    }

    /** Starts a conversation on this thread: the sockets made until it is closed belong to it. */
    static Conversation begin() {
        Conversation conversation = new Conversation();
        CURRENT.set(conversation);
        return conversation;
    }

    @Override
    public Socket createSocket() throws IOException {
        return track(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return track(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return track(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return track(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return track(delegate.createSocket(address, port, localAddress, localPort));
    }

    private static Socket track(Socket socket) throws IOException {
        Conversation conversation = CURRENT.get();
        if (conversation != null) {
            conversation.add(socket);
        }
        return socket;
    }

    /** One SMTP conversation's sockets; {@link #cutOff()} closes them, from any thread. */
    static final class Conversation implements AutoCloseable {

        private final List<Socket> sockets = new ArrayList<>(2);
        private boolean cutOff;

        private synchronized void add(Socket socket) throws IOException {
            if (cutOff) {
                socket.close();
                throw new SocketException("The mail deadline has passed");
            }
            sockets.add(socket);
        }

        /** Ends the conversation: its blocked reads and writes fail at once. */
        synchronized void cutOff() {
            cutOff = true;
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing is all that is wanted; a socket that fails to close is closed enough
                }
            }
        }

        synchronized boolean wasCutOff() {
            return cutOff;
        }

        /** Leaves the conversation; the thread's later sockets are no longer recorded. */
        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
