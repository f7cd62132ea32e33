package io.s3multi.filters.proxyserver;

import io.s3multi.s3.contract.ListingEtag;
import io.s3multi.s3.contract.ReservedMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;

/**
 * Keeps native Swift API requests from writing the gateway's reserved metadata ({@link ReservedMetadata},
 * {@link ListingEtag}), which the S3 side believes. Swift users are used to this: Swift's own gatekeeper silently
 * drops the sysmeta a client sends, so reserved names are dropped here, not refused.
 * <ul>
 *   <li>{@code X-Object-Meta-S3multi-*} and {@code X-Remove-Object-Meta-S3multi-*}, in any case and with {@code _}
 *       for {@code -} (Swift reads them all the same), are not forwarded;</li>
 *   <li>{@code s3multi_*} parameters are taken out of {@code Content-Type};</li>
 *   <li>a copy ({@code COPY}, or {@code PUT} with {@code X-Copy-From}) sends every reserved name the S3 side reads
 *       ({@link ReservedMetadata#OBJECT_NAMES}) with an empty value, which Swift stores instead of the source's
 *       (the S3 side reads an empty value as none): a copy, whole, ranged or of a raw manifest, never carries the
 *       ETag, checksum or upload of its source;</li>
 *   <li>{@code ?extract-archive} is refused ({@link #refusal}): Swift's bulk middleware turns the archive's
 *       {@code user.meta.*} attributes into object metadata, which cannot be checked without reading the archive.</li>
 * </ul>
 */
final class ReservedMetadataGuard {

    private ReservedMetadataGuard() {
    }

    /** Why the request is refused (400), or {@code null} to forward it. */
    static String refusal(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                if (URLDecoder.decode(name, StandardCharsets.UTF_8).trim().equalsIgnoreCase("extract-archive")) {
                    return "extract-archive is not available through this gateway: archives may carry metadata"
                            + " reserved for it.\n";
                }
            } catch (IllegalArgumentException malformed) {
                // Not a parameter Swift can read either.
            }
        }
        return null;
    }

    /** Whether a client header is forwarded to Swift. */
    static boolean forwards(String name) {
        return !ReservedMetadata.isReservedSwiftRequestHeader(name);
    }

    /** A client header's value as forwarded to Swift. */
    static String forwardedValue(String name, String value) {
        return name.equalsIgnoreCase("Content-Type") ? ListingEtag.withoutReservedParameters(value) : value;
    }

    /** Adds what a copy needs so that it does not carry the source's reserved metadata. */
    static void blankCopiedMetadata(HttpServletRequest request, HttpFields.Mutable headers) {
        if (isCopy(request)) {
            ReservedMetadata.OBJECT_NAMES.forEach(name -> headers.put(name, ""));
        }
    }

    private static boolean isCopy(HttpServletRequest request) {
        if (request.getMethod().equalsIgnoreCase("COPY")) {
            return true;
        }
        return request.getMethod().equalsIgnoreCase("PUT") && Collections.list(request.getHeaderNames()).stream()
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).replace('_', '-').equals("x-copy-from"));
    }
}
