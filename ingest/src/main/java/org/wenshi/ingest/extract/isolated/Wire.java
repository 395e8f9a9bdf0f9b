package org.wenshi.ingest.extract.isolated;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reading and writing the values of the worker protocol: strings as length-prefixed UTF-8 (so they
 * may exceed {@code writeUTF}'s 64 KB) and nullable. It exists so both sides of the pipe encode the
 * same way; it never interprets what it carries.
 */
final class Wire {
    /** Refuses frames a broken peer could make us allocate. */
    static final int MAX_BLOB = Integer.MAX_VALUE - 16;

    private Wire() {}

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] b = readBlob(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    static void writeBlob(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    static byte[] readBlob(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_BLOB) {
            throw new IOException("bad frame length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
