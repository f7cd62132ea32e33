package io.s3multi.filters.proxylogging;

import io.s3multi.filters.pipeline.AddressRanges;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client an access-log line names: the address the connection came from, or, when that is one of the
 * {@code trusted_proxies}, the address that proxy says it got the request from.
 *
 * <p>Each proxy appends the address it saw to {@code X-Forwarded-For}, so the list is read from its right end: the
 * first address that is not itself a trusted proxy is the client (addresses further left were written by the client
 * or by proxies nobody vouches for). If every address is a trusted proxy, the leftmost one is taken. An entry that
 * is not an IP literal (a name, a port, {@code unknown}, garbage) ends the walk at the last address a trusted proxy
 * wrote. Nothing is looked up in DNS. No trusted proxies (the default): always the connection's address, whatever
 * the request says.
 */
final class ForwardedClient {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    // Strict literals: anything else would make InetAddress look the text up in DNS.
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F.]*:[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final AddressRanges trustedProxies;

    ForwardedClient(AddressRanges trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** The client of {@code request}. */
    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty()) {
            return peer;   // the usual case, without a look at the headers
        }
        return of(peer, Collections.list(request.getHeaders(X_FORWARDED_FOR)));
    }

    /**
     * @param peer      the address the connection came from
     * @param forwarded the {@code X-Forwarded-For} header values, in the order they came
     */
    String of(String peer, List<String> forwarded) {
        if (trustedProxies.isEmpty() || forwarded.isEmpty() || !trustedProxies.admits(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwarded.forEach(value -> hops.addAll(List.of(value.split(","))));
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && trustedProxies.admits(client); i--) {
            String hop = hops.get(i).trim();
            if (!isLiteral(hop)) {
                break;
            }
            client = hop;
        }
        return client;
    }

    private static boolean isLiteral(String hop) {
        if (IPV4.matcher(hop).matches()) {
            return true;
        }
        try {
            // With two colons InetAddress parses the text as an IPv6 literal and never asks DNS.
            return IPV6.matcher(hop).matches() && InetAddress.getByName(hop) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
