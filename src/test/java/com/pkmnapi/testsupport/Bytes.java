package com.pkmnapi.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Request bodies byte by byte, for the tests of what is not valid UTF-8 or JSON. */
public final class Bytes {

    private Bytes() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes, then each int as one byte or each byte[] whole. */
    public static byte[] bytes(byte[] start, Object... more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(start);
        for (Object part : more) {
            if (part instanceof byte[] array) {
                out.writeBytes(array);
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
