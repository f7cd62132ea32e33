package io.s3multi.filters.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AddressRanges}: literals and CIDR ranges only, and never a DNS lookup for what a client reports. */
class AddressRangesTest {

    @Test
    void admitsAddressesInsideItsRangesOnly() {
        AddressRanges ranges = AddressRanges.parse("127.0.0.1, 10.0.0.0/8 fd00::/8");
        assertTrue(ranges.admits("127.0.0.1"));
        assertTrue(ranges.admits("10.200.3.4"));
        assertTrue(ranges.admits("fd12::1"));
        assertTrue(ranges.admits("::ffff:10.1.2.3"));
        assertFalse(ranges.admits("127.0.0.2"));
        assertFalse(ranges.admits("11.0.0.1"));
        assertFalse(ranges.admits("fe80::1"));
        assertFalse(ranges.admits(null));
        assertTrue(AddressRanges.parse("").isEmpty());
        assertFalse(AddressRanges.parse("").admits("127.0.0.1"));
    }

    @Test
    void readsOnlyLiterals() {
        assertArrayEquals(new byte[] {10, 0, (byte) 255, 1}, AddressRanges.literalBytes("10.0.255.1"));
        assertEquals(16, AddressRanges.literalBytes("::1").length);
        for (String notALiteral : List.of("beef", "cafe", "1.2.3", "1.2.3.4.5", "1.2.3.256", "010.0.0.1", "12345678",
                "1..2.3", ":::", "localhost")) {
            assertNull(AddressRanges.literalBytes(notALiteral), notALiteral);
            assertFalse(AddressRanges.parse("0.0.0.0/0 ::/0").admits(notALiteral), notALiteral);
        }
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("beef"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("1.2.3/8"));
    }

    /**
     * A name made of hex digits, which a host name may be, is not looked up: in a JVM whose hosts file maps
     * {@code beef} to an admitted address, it is still not admitted. (The hosts file is read when {@code InetAddress}
     * starts, hence a JVM of its own.)
     */
    @Test
    void aHexNameThatResolvesIsNotAdmitted(@TempDir Path dir) throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "10.1.2.3 beef\n10.1.2.4 cafe\n");
        assertEquals("10.1.2.3 admitted: true; beef admitted: false; cafe admitted: false",
                probe(hosts, "10.0.0.0/8", "10.1.2.3", "beef", "cafe"));
    }

    private static String probe(Path hosts, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        return output;
    }

    /** Prints, for each address after the ranges, whether the ranges admit it. */
    public static final class Probe {
        public static void main(String[] arguments) {
            AddressRanges ranges = AddressRanges.parse(arguments[0]);
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < arguments.length; i++) {
                out.append(i > 1 ? "; " : "").append(arguments[i]).append(" admitted: ")
                        .append(ranges.admits(arguments[i]));
            }
            System.out.println(out);
        }
    }
}
