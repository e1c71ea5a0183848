package com.pkmnapi.testsupport;

import com.pkmnapi.testsupport.container.TestPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small SMTP server in the test JVM that misbehaves on request: it delays each reply, accepts a
 * connection and never answers, refuses the message, holds its final answer until a test lets
 * it go, or is down; or it offers a login (AUTH PLAIN, any user and password). It keeps what it
 * received, and the commands it was sent, so that tests read tokens and codes from it as from any
 * mail server and see whether a client logged in. It speaks just enough SMTP for Jakarta Mail: no
 * other extensions, no TLS.
 */
public final class SlowSmtpServer {

    private static SlowSmtpServer instance;

    private final int port;
    private volatile ServerSocket listener;
    private volatile Duration replyDelay = Duration.ZERO;
    private volatile boolean silent;
    private volatile boolean refuseMessages;
    private volatile boolean offerLogin;
    private volatile Consumer<String> onData = data -> { };
    private final List<Received> received = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final AtomicInteger conversations = new AtomicInteger();
    private final AtomicInteger hungUpByClient = new AtomicInteger();

    /** One message as it arrived: its recipients and its raw text. */
    public record Received(List<String> recipients, String data) {
    }

    private SlowSmtpServer(int port) {
        this.port = port;
    }

    /**
     * The benchmark's slow SMTP server, on its own:
     * {@code java -cp target/test-classes com.pkmnapi.testsupport.SlowSmtpServer <port> <reply delay ms>}.
     */
    public static void main(String[] args) throws InterruptedException {
        SlowSmtpServer server = new SlowSmtpServer(Integer.parseInt(args[0]));
        server.delayReplies(Duration.ofMillis(Long.parseLong(args[1])));
        server.up();
        Thread.currentThread().join();
    }

    /** The server on {@link TestPorts#SLOW_SMTP}, started once per JVM, answering promptly. */
    public static synchronized SlowSmtpServer ensureStarted() {
        if (instance == null) {
            instance = new SlowSmtpServer(TestPorts.SLOW_SMTP);
            instance.up();
        }
        return instance;
    }

    /** A server of its own on a free port, answering promptly. */
    public static SlowSmtpServer startOnFreePort() {
        SlowSmtpServer server = new SlowSmtpServer(0);
        server.up();
        return server;
    }

    /** The port it listens on. */
    public int port() {
        ServerSocket socket = listener;
        return socket == null ? port : socket.getLocalPort();
    }

    /** Offers AUTH PLAIN in its answer to EHLO, and takes any login; mail is taken without one too. */
    public void offerLogin() {
        offerLogin = true;
    }

    /** The command words it was sent so far (EHLO, AUTH, MAIL...), in order, over all conversations. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /** Back to prompt, well-behaved answers; what was received stays. */
    public synchronized void behave() {
        replyDelay = Duration.ZERO;
        silent = false;
        refuseMessages = false;
        onData = data -> { };
        up();
    }

    /** Waits this long before each reply, the greeting included. */
    public void delayReplies(Duration delay) {
        replyDelay = delay;
    }

    /** Accepts connections and reads what comes, but never says a word. */
    public void beSilent() {
        silent = true;
    }

    /** Answers 554 at the end of each message: the message is refused. */
    public void refuseMessages() {
        refuseMessages = true;
    }

    /**
     * Calls {@code check} with each message's text once it is all there and before the server
     * answers it; the client waits for that answer meanwhile.
     */
    public void beforeAnsweringData(Consumer<String> check) {
        onData = check;
    }

    /** Stops listening and drops every connection: as if the server were down. */
    public synchronized void down() {
        try {
            if (listener != null) {
                listener.close();
                listener = null;
            }
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listens again after {@link #down()}. */
    public synchronized void up() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
            Thread acceptor = new Thread(() -> accept(socket), "slow-smtp-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message received for the address so far, oldest first. */
    public synchronized List<String> messagesTo(String address) {
        String wanted = "<" + address.toLowerCase(Locale.ROOT) + ">";
        return received.stream().filter(message -> message.recipients().contains(wanted)).map(Received::data).toList();
    }

    /** The text/plain part of a message as it arrived, as a user would read it. */
    public static String plainText(String data) {
        try {
            return Mails.text(com.icegreen.greenmail.util.GreenMailUtil.newMimeMessage(data));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read the message: " + data, e);
        }
    }

    /** Conversations begun so far. */
    public int conversations() {
        return conversations.get();
    }

    /** Conversations the client ended by closing the connection without QUIT. */
    public int hungUpByClient() {
        return hungUpByClient.get();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                synchronized (this) {
                    open.add(connection);
                }
                conversations.incrementAndGet();
                Thread conversation = new Thread(() -> converse(connection), "slow-smtp-conversation");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException e) {
                // closed by down()
            }
        }
    }

    private void converse(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = connection.getOutputStream()) {
            if (silent) {
                while (in.read() >= 0) {
                    // swallow whatever comes, until the client hangs up
                }
                hungUpByClient.incrementAndGet();
                return;
            }
            reply(out, "220 slow.test ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                synchronized (this) {
                    commands.add(command);
                }
                switch (command) {
                    case "EHLO" -> reply(out, offerLogin ? "250-slow.test\r\n250 AUTH PLAIN" : "250 slow.test");
                    case "HELO" -> reply(out, "250 slow.test");
                    case "AUTH" -> {
                        if (line.strip().equalsIgnoreCase("AUTH PLAIN")) {
                            reply(out, "334 ");
                            in.readLine();
                        }
                        reply(out, "235 2.7.0 Accepted");
                    }
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(line.substring(line.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data = readData(in);
                        onData.accept(data);
                        if (refuseMessages) {
                            reply(out, "554 Message refused");
                        } else {
                            synchronized (this) {
                                received.add(new Received(List.copyOf(recipients), data));
                            }
                            reply(out, "250 OK");
                        }
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
            hungUpByClient.incrementAndGet();
        } catch (SocketException e) {
            hungUpByClient.incrementAndGet();
        } catch (IOException e) {
            // the conversation is over either way
        } finally {
            synchronized (this) {
                open.remove(connection);
            }
        }
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private void reply(OutputStream out, String line) throws IOException {
        Duration delay = replyDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A latch-based gate for {@link #beforeAnsweringData}: blocks the answer until opened. */
    public static final class Gate implements Consumer<String> {

        private final CountDownLatch open = new CountDownLatch(1);
        private final CountDownLatch arrived = new CountDownLatch(1);
        private volatile String data;

        @Override
        public void accept(String message) {
            data = message;
            arrived.countDown();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The message's text, once it has arrived (within the given time, else null). */
        public String awaitMessage(Duration within) throws InterruptedException {
            return arrived.await(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? data : null;
        }

        public void open() {
            open.countDown();
        }
    }
}
