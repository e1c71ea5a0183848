package com.pkmnapi.testsupport.container;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads, from inside the server, the mails the tests' GreenMail received for an address, over
 * POP3 (GreenMail makes an account for each recipient, with the address as login and password).
 */
public final class Pop3Inbox {

    private Pop3Inbox() {
    }

    /** The text/plain parts of every mail the address received, oldest first. */
    public static List<String> texts(String address) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.setProperty("mail.pop3.connectiontimeout", "3000");
        properties.setProperty("mail.pop3.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("pop3");
        store.connect("127.0.0.1", TestPorts.POP3, address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<String> texts = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    texts.add(plainText(message));
                }
                return texts;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    public static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
