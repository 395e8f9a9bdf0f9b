package org.wenshi.localdb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Unpacks a tar stream (ustar, GNU long names, pax paths) into a folder: regular files with their
 * mode, folders, symbolic and hard links.
 *
 * <p>Exists because the JDK reads zip but not tar, and the PostgreSQL binaries come as a tar; a
 * hundred lines beat a compression library. It must never write outside the target folder: absolute
 * names, {@code ..} and links that point out of it are refused.
 */
final class TarExtractor {

    private static final int BLOCK = 512;

    private TarExtractor() {}

    /** Unpacks {@code tar} into {@code target} (which must exist); returns the number of entries. */
    static int extract(InputStream tar, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        byte[] header = new byte[BLOCK];
        String longName = null;
        String longLink = null;
        Map<String, String> pax = new HashMap<>();
        int entries = 0;
        while (true) {
            if (!readBlock(tar, header)) {
                return entries; // end of stream without the end-of-archive blocks: accept
            }
            if (isZero(header)) {
                return entries;
            }
            if (!checksumMatches(header)) {
                throw new IOException("not a tar archive (bad header checksum) after " + entries + " entries");
            }
            char type = (char) header[156];
            long size = parseNumber(header, 124, 12);
            String name = string(header, 0, 100);
            String magic = string(header, 257, 6);
            if (magic.equals("ustar")) { // POSIX ustar: a prefix; GNU's "ustar  " uses these bytes otherwise
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            String link = string(header, 157, 100);
            int mode = (int) parseNumber(header, 100, 8) & 07777;
            switch (type) {
                case 'L' -> {
                    longName = stripNul(new String(readContent(tar, size), StandardCharsets.UTF_8));
                    continue;
                }
                case 'K' -> {
                    longLink = stripNul(new String(readContent(tar, size), StandardCharsets.UTF_8));
                    continue;
                }
                case 'x' -> {
                    pax = parsePax(readContent(tar, size));
                    continue;
                }
                case 'g' -> {
                    skip(tar, size);
                    continue;
                }
                default -> {
                    // an entry: handled below
                }
            }
            if (longName != null) {
                name = longName;
            }
            if (longLink != null) {
                link = longLink;
            }
            name = pax.getOrDefault("path", name);
            link = pax.getOrDefault("linkpath", link);
            longName = null;
            longLink = null;
            pax = new HashMap<>();

            Path path = inside(root, name);
            entries++;
            switch (type) {
                case '0', '\0', '7' -> {
                    Files.createDirectories(path.getParent());
                    try (OutputStream out = Files.newOutputStream(path)) {
                        copy(tar, out, size);
                    }
                    skipPadding(tar, size);
                    setMode(path, mode);
                }
                case '5' -> {
                    Files.createDirectories(path);
                    setMode(path, mode | 0700);
                    skip(tar, size);
                }
                case '2' -> {
                    Path linkTarget = Path.of(link);
                    if (linkTarget.isAbsolute()
                            || !path.getParent().resolve(linkTarget).normalize().startsWith(root)) {
                        throw new IOException("refusing link " + name + " -> " + link + ": it leaves the archive");
                    }
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, linkTarget);
                    skip(tar, size);
                }
                case '1' -> {
                    Path source = inside(root, link);
                    Files.createDirectories(path.getParent());
                    Files.copy(source, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    skip(tar, size);
                }
                default -> throw new IOException("unsupported tar entry type '" + type + "' for " + name);
            }
        }
    }

    /** {@code root/name}, or an exception when {@code name} is absolute or climbs out of {@code root}. */
    static Path inside(Path root, String name) throws IOException {
        String relative = name;
        while (relative.startsWith("./")) {
            relative = relative.substring(2);
        }
        if (relative.isEmpty() || relative.startsWith("/") || Path.of(relative).isAbsolute()) {
            throw new IOException("refusing tar entry '" + name + "': not a relative path");
        }
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IOException("refusing tar entry '" + name + "': it leaves the archive");
        }
        return path;
    }

    private static void setMode(Path path, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to keep.
        }
    }

    static long parseNumber(byte[] header, int offset, int length) throws IOException {
        if ((header[offset] & 0x80) != 0) { // GNU base-256
            long value = header[offset] & 0x7f;
            for (int i = 1; i < length; i++) {
                value = (value << 8) | (header[offset + i] & 0xff);
            }
            return value;
        }
        String text = string(header, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("bad number '" + text + "' in a tar header", e);
        }
    }

    private static boolean checksumMatches(byte[] header) {
        long stored;
        try {
            stored = parseNumber(header, 148, 8);
        } catch (IOException e) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        }
        return sum == stored;
    }

    private static Map<String, String> parsePax(byte[] content) throws IOException {
        Map<String, String> values = new HashMap<>();
        int at = 0;
        while (at < content.length) {
            int space = at;
            while (space < content.length && content[space] != ' ') {
                space++;
            }
            if (space == content.length) {
                break;
            }
            int length = Integer.parseInt(new String(content, at, space - at, StandardCharsets.US_ASCII));
            if (length <= 0 || at + length > content.length) {
                throw new IOException("bad pax header");
            }
            String record = new String(content, space + 1, length - (space - at) - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals > 0) {
                values.put(record.substring(0, equals), record.substring(equals + 1));
            }
            at += length;
        }
        return values;
    }

    private static byte[] readContent(InputStream in, long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar metadata entry of " + size + " bytes");
        }
        byte[] content = in.readNBytes((int) size);
        if (content.length != size) {
            throw new EOFException("truncated tar archive");
        }
        skipPadding(in, size);
        return content;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("truncated tar archive");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long size) throws IOException {
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        in.skipNBytes(padded);
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long rest = size % BLOCK;
        if (rest != 0) {
            in.skipNBytes(BLOCK - rest);
        }
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n != BLOCK) {
            throw new EOFException("truncated tar archive");
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String stripNul(String text) {
        int nul = text.indexOf('\0');
        return nul >= 0 ? text.substring(0, nul) : text;
    }
}
