package io.s3multi.filters.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Client addresses a setting admits: single addresses ({@code 127.0.0.1}, {@code ::1}) and CIDR ranges
 * ({@code 10.0.0.0/8}, {@code fd00::/8}), written as literals (never host names, which would need a DNS lookup at
 * startup and would change under the gateway's feet).
 */
public final class AddressRanges {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
    /** Four decimal numbers without leading zeros (which some parsers read as octal). */
    private static final Pattern DOTTED_QUAD = Pattern.compile("(?:(?:0|[1-9][0-9]{0,2})\\.){3}(?:0|[1-9][0-9]{0,2})");

    private record Range(byte[] network, int prefixBits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;
    private final String text;

    private AddressRanges(List<Range> ranges, String text) {
        this.ranges = List.copyOf(ranges);
        this.text = text;
    }

    /**
     * Parses addresses and ranges separated by spaces or commas; empty admits nobody.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP literal or CIDR range
     */
    public static AddressRanges parse(String text) {
        var ranges = new ArrayList<Range>();
        for (String entry : text.trim().isEmpty() ? new String[0] : text.trim().split("[\\s,]+")) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address, entry);
            int bits = slash < 0 ? bytes.length * 8 : prefix(entry.substring(slash + 1), bytes.length * 8, entry);
            ranges.add(new Range(bytes, bits));
        }
        return new AddressRanges(ranges, text.trim());
    }

    /** Whether this admits nobody at all (an empty setting). */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (an IP literal, as a servlet container reports a client) is admitted. */
    public boolean admits(String address) {
        byte[] bytes = address == null ? null : literalBytes(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] literal(String address, String entry) {
        byte[] bytes = literalBytes(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
        }
        return bytes;
    }

    /**
     * The bytes of an IPv4 literal in dotted-quad form or of an IPv6 literal; null for anything else. Never a DNS
     * lookup: {@code InetAddress.getByName} looks up what it cannot read as a literal (text like {@code beef} or
     * {@code cafe} is a host name to it), so IPv4 is read here, and only text with a {@code :}, which it reads as an
     * IPv6 literal or refuses, is handed to it.
     */
    static byte[] literalBytes(String address) {
        if (!LITERAL.matcher(address).matches()) {
            return null;
        }
        if (!address.contains(":")) {
            return DOTTED_QUAD.matcher(address).matches() ? dottedQuad(address) : null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }

    private static byte[] dottedQuad(String address) {
        String[] parts = address.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static int prefix(String text, int maxBits, String entry) {
        try {
            int bits = Integer.parseInt(text);
            if (bits >= 0 && bits <= maxBits) {
                return bits;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + entry + "' has no prefix length between 0 and " + maxBits);
    }

    @Override
    public String toString() {
        return text;
    }
}
