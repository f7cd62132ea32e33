package io.s3multi.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The performance counters a HotSpot JVM of this user publishes in {@code /tmp/hsperfdata_<user>/<pid>} (what
 * {@code jstat} and {@code jcmd PerfCounter.print} read), without attaching to it: here the JIT compiler's
 * {@code sun.ci.totalCompiles}, so that a phase can show whether the compiler was still at work in it.
 *
 * <p>The file is HotSpot's {@code PerfDataPrologue} (magic, byte order, ..., the offset of the first entry and the
 * number of entries) followed by {@code PerfDataEntry}s (length, offset of the name, vector length, type, flags,
 * units, variability, offset of the data). A JVM started with {@code -XX:-UsePerfData} publishes nothing.
 */
final class HotSpotCounters {

    static final String COMPILES = "sun.ci.totalCompiles";

    private static final int MAGIC = 0xcafec0c0;

    private HotSpotCounters() {
    }

    /** The long counter {@code name} of JVM {@code pid}, or -1 when it cannot be read. */
    static long read(long pid, String name) {
        // HotSpot writes to /tmp on Linux whatever java.io.tmpdir says
        Path file = Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"), Long.toString(pid));
        try {
            return find(ByteBuffer.wrap(Files.readAllBytes(file)), name);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long find(ByteBuffer data, String name) {
        if (data.getInt(0) != MAGIC) {
            return -1;
        }
        data.order(data.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int entry = data.getInt(24);
        int entries = data.getInt(28);
        for (int i = 0; i < entries; i++) {
            int length = data.getInt(entry);
            int nameOffset = data.getInt(entry + 4);
            int vectorLength = data.getInt(entry + 8);
            byte type = data.get(entry + 12);
            int dataOffset = data.getInt(entry + 16);
            if (vectorLength == 0 && type == 'J' && name.equals(cString(data, entry + nameOffset))) {
                return data.getLong(entry + dataOffset);
            }
            entry += length;
        }
        return -1;
    }

    private static String cString(ByteBuffer data, int start) {
        int end = start;
        while (data.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        data.get(start, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
