package io.s3multi.s3.access.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 range in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); an address without a
 * prefix length is a range of one. Only literal addresses are read (never a host name: nothing is looked up).
 */
record IpRange(byte[] network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The range, or empty when the text is not one. */
    static Optional<IpRange> parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        Optional<byte[]> bytes = address(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * 8;
        int length = bits;
        if (slash >= 0) {
            String digits = trimmed.substring(slash + 1);
            if (!digits.matches("\\d{1,3}")) {
                return Optional.empty();
            }
            length = Integer.parseInt(digits);
            if (length > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpRange(bytes.get(), length));
    }

    /** The bytes of a literal IPv4 or IPv6 address, or empty. */
    static Optional<byte[]> address(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // a literal (checked above) is parsed, never resolved
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return Optional.empty();
        }
    }

    /** Whether the address (text) lies in the range; an address of the other family never does. */
    boolean contains(String addressText) {
        Optional<byte[]> candidate = address(addressText.strip());
        if (candidate.isEmpty() || candidate.get().length != network.length) {
            return false;
        }
        byte[] bytes = candidate.get();
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the range holds every address of its family ({@code 0.0.0.0/0}, {@code ::/0}). */
    boolean isEverything() {
        return prefixLength == 0;
    }
}
