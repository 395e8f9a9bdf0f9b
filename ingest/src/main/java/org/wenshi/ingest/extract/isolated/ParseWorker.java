package org.wenshi.ingest.extract.isolated;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The main class of a child JVM that parses documents for {@link ParserPool}. It reads requests
 * from stdin and answers each on stdout (status byte, then the {@link ParsedDocument} or a reason),
 * until stdin closes: when the ingest process exits, even by {@code kill -9}, its workers follow.
 * Libraries that print are sent to stderr so they can never corrupt the protocol. It is started
 * with {@code -XX:+ExitOnOutOfMemoryError}: an out-of-memory error ends the process (exit code 3),
 * which the pool reports for that document and replaces. Before it says it is ready it warms its
 * parsers ({@link DocumentParser#warmUp}), so that no document waits for that.
 */
public final class ParseWorker {
    static final byte OK = 0;
    static final byte FAILED = 1;
    /** Written once at start, so the pool knows the worker's classpath and libraries loaded and warmed. */
    static final int READY = 0x57534850;

    private ParseWorker() {}

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        DocumentParser parser = new DocumentParser(ParseLimits.fromProperties());
        try {
            parser.warmUp();
        } catch (ParseException | IOException | RuntimeException e) {
            System.err.println("parse worker warm-up failed (the first document pays for it): " + e);
        }
        out.writeInt(READY);
        out.flush();
        while (true) {
            ParseRequest request;
            try {
                request = ParseRequest.read(in);
            } catch (EOFException e) {
                return;
            }
            try {
                ParsedDocument d = parser.parse(request);
                out.writeByte(OK);
                d.write(out);
            } catch (ParseException e) {
                out.writeByte(FAILED);
                Wire.writeString(out, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                out.writeByte(FAILED);
                Wire.writeString(
                        out,
                        "parser error: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            out.flush();
        }
    }
}
