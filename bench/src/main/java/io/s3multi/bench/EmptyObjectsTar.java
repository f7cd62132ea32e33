package io.s3multi.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A tar archive of empty files named {@code obj-0000000} and on, for Swift's bulk middleware
 * ({@code PUT /<container>?extract-archive=tar}): one request creates thousands of objects, where one PUT each took
 * about an hour for 100,000 on a busy 2-core machine. Plain ustar headers; names stay far below 100 bytes.
 */
final class EmptyObjectsTar {

    private static final int BLOCK = 512;

    private EmptyObjectsTar() {
    }

    /** The archive of files {@code obj-<first>} to {@code obj-<end - 1>}, each empty. */
    static byte[] of(int first, int end) {
        ByteArrayOutputStream tar = new ByteArrayOutputStream((end - first + 2) * BLOCK);
        for (int i = first; i < end; i++) {
            tar.writeBytes(header(name(i)));
        }
        tar.writeBytes(new byte[2 * BLOCK]);
        return tar.toByteArray();
    }

    static String name(int index) {
        return String.format(Locale.ROOT, "obj-%07d", index);
    }

    private static byte[] header(String name) {
        byte[] block = new byte[BLOCK];
        put(block, 0, name);
        put(block, 100, "0000644");
        put(block, 108, "0000000");
        put(block, 116, "0000000");
        put(block, 124, "00000000000");
        put(block, 136, "00000000000");
        block[156] = '0';
        put(block, 257, "ustar");
        put(block, 263, "00");
        // The checksum is summed with its own field read as eight spaces.
        java.util.Arrays.fill(block, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        put(block, 148, String.format(Locale.ROOT, "%06o", sum));
        block[154] = 0;
        block[155] = ' ';
        return block;
    }

    private static void put(byte[] block, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, at, bytes.length);
    }
}
