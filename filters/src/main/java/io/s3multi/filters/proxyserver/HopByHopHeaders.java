package io.s3multi.filters.proxyserver;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1), and so are never forwarded:
 * the fixed list, every {@code Proxy-*} header, and any header the {@code Connection} header names.
 */
final class HopByHopHeaders {

    private static final Set<String> ALWAYS =
            Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");

    private final Set<String> named;

    private HopByHopHeaders(Set<String> named) {
        this.named = named;
    }

    /** The hop-by-hop set of one message, given the values of its {@code Connection} headers. */
    static HopByHopHeaders of(Iterable<String> connectionValues) {
        var named = new TreeSet<String>();
        connectionValues.forEach(value -> addTokens(value, named));
        return new HopByHopHeaders(named);
    }

    boolean contains(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        return ALWAYS.contains(lower) || lower.startsWith("proxy-") || named.contains(lower);
    }

    private static void addTokens(String value, Set<String> into) {
        for (String token : value.split(",")) {
            if (!token.isBlank()) {
                into.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
    }
}
