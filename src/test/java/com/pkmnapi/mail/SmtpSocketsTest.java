package com.pkmnapi.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

class SmtpSocketsTest {

    private final SmtpSockets sockets = new SmtpSockets(SocketFactory.getDefault());

    @Test
    void cuttingOffAConversationEndsAReadThatWouldWaitForEver() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SmtpSockets.Conversation conversation = SmtpSockets.begin();
            Socket socket = sockets.createSocket(InetAddress.getLoopbackAddress(), silent.getLocalPort());
            conversation.close();
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return socket.getInputStream().read();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            assertFalse(read.isDone(), "the silent server keeps the read waiting");

            conversation.cutOff();

            ExecutionException ended = assertThrows(ExecutionException.class, () -> read.get(2, TimeUnit.SECONDS));
            assertTrue(ended.getCause().getCause() instanceof IOException, ended::toString);
            assertTrue(conversation.wasCutOff());
        }
    }

    @Test
    void aSocketMadeAfterTheCutOffIsRefused() throws Exception {
        SmtpSockets.Conversation conversation = SmtpSockets.begin();
        try {
            conversation.cutOff();
            assertThrows(IOException.class, sockets::createSocket);
        } finally {
            conversation.close();
        }
    }

    @Test
    void socketsOutsideAConversationAreNotRecorded() throws Exception {
        SmtpSockets.Conversation conversation = SmtpSockets.begin();
        conversation.close();
        try (Socket socket = sockets.createSocket()) {
            conversation.cutOff();
            assertFalse(socket.isClosed(), "made after the thread left the conversation");
        }
    }
}
