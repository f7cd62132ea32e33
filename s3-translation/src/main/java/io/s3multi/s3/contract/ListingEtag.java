package io.s3multi.s3.contract;

import io.s3multi.s3.contract.ReservedMetadata;
import java.util.Locale;
import java.util.Objects;

/**
 * The S3 ETag of an object as a container listing can show it, including for objects whose S3 ETag is not
 * Swift's {@code hash}.
 *
 * <p>A Swift listing entry carries the object's {@code hash} (the MD5 of its bytes for a plain object, the MD5
 * of the manifest for an SLO) and its {@code content_type}, parameters included, exactly as stored. An object
 * completed by multipart upload has an S3 ETag of the form {@code md5-of-part-md5s-N} that Swift cannot compute,
 * so whoever writes such an object stores it as a content-type parameter named {@value #PARAMETER}:
 *
 * <pre>{@code
 * Content-Type: application/octet-stream;s3multi_etag=9b2cf535f27731c974343645a3985328-3
 * }</pre>
 *
 * Listings then show it without any extra request per key. Everything that reads a content type back
 * (listings, GetObject, HeadObject) strips the parameter with {@link #parse(String)} and never shows it to S3
 * clients. This class is the one place that knows the parameter's name and syntax.
 *
 * <p>Parameters named {@code s3multi_*} or {@code s3multi-*} (any case) are the gateway's: S3
 * requests that send one are refused ({@link #hasReservedParameter}), the native Swift API drops them
 * ({@link #withoutReservedParameters}), and a listing believes the parameter only on a Static Large Object (a plain
 * object copied from a multipart one in Swift keeps its source's content type, not its ETag).
 */
public final class ListingEtag {

    /** The content-type parameter that holds an S3 ETag Swift's {@code hash} cannot express. */
    public static final String PARAMETER = "s3multi_etag";

    private ListingEtag() {
    }

    /** A content type with its S3 ETag parameter split off. */
    public record Parsed(String contentType, String s3Etag) {

        /** Whether the content type carried an S3 ETag. */
        public boolean hasS3Etag() {
            return s3Etag != null;
        }
    }

    /**
     * {@code contentType} with {@code ;s3multi_etag=<s3Etag>} appended (unquoted, as Swift keeps parameters
     * verbatim); any earlier such parameter is replaced.
     *
     * @param s3Etag the ETag without quotes, e.g. {@code 9b2cf535f27731c974343645a3985328-3}
     */
    public static String contentTypeWith(String contentType, String s3Etag) {
        Objects.requireNonNull(s3Etag, "s3Etag");
        if (s3Etag.isEmpty() || s3Etag.chars().anyMatch(c -> c <= ' ' || c == ';' || c == '"' || c >= 127)) {
            throw new IllegalArgumentException("not an ETag that fits a content-type parameter: " + s3Etag);
        }
        String base = parse(contentType == null ? "" : contentType).contentType();
        return (base.isEmpty() ? "application/octet-stream" : base) + ";" + PARAMETER + "=" + s3Etag;
    }

    /**
     * Splits the {@value #PARAMETER} parameter off a content type as stored in Swift. Other parameters stay,
     * in order; a content type without it is returned unchanged.
     */
    public static Parsed parse(String storedContentType) {
        if (storedContentType == null) {
            return new Parsed(null, null);
        }
        String marker = PARAMETER + "=";
        String[] pieces = storedContentType.split(";", -1);
        StringBuilder kept = new StringBuilder(pieces[0]);
        String etag = null;
        for (int i = 1; i < pieces.length; i++) {
            String piece = pieces[i].strip();
            if (piece.toLowerCase(Locale.ROOT).startsWith(marker)) {
                etag = unquote(piece.substring(marker.length()).strip());
            } else {
                kept.append(';').append(pieces[i]);
            }
        }
        return etag == null ? new Parsed(storedContentType, null) : new Parsed(kept.toString(), etag);
    }

    /**
     * The ETag S3 shows for a listed object, quoted: the {@value #PARAMETER} parameter when present, else the
     * SLO ETag Swift lists for a manifest, else Swift's {@code hash}.
     *
     * @param sloEtag Swift's {@code slo_etag} listing field (quoted), or null for a plain object
     */
    public static String forListing(String hash, String storedContentType, String sloEtag) {
        Parsed parsed = parse(storedContentType);
        if (sloEtag != null && parsed.hasS3Etag() && ReservedMetadata.isMultipartEtag(parsed.s3Etag())) {
            return quote(parsed.s3Etag());
        }
        if (sloEtag != null) {
            return quote(unquote(sloEtag));
        }
        return quote(hash == null ? "" : hash);
    }

    /** Whether a content type (as a client sent it) carries a parameter reserved for the gateway. */
    public static boolean hasReservedParameter(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] pieces = contentType.split(";", -1);
        for (int i = 1; i < pieces.length; i++) {
            if (isReservedParameter(pieces[i])) {
                return true;
            }
        }
        return false;
    }

    /** The content type without the parameters reserved for the gateway (unchanged when it has none). */
    public static String withoutReservedParameters(String contentType) {
        if (!hasReservedParameter(contentType)) {
            return contentType;
        }
        String[] pieces = contentType.split(";", -1);
        StringBuilder kept = new StringBuilder(pieces[0]);
        for (int i = 1; i < pieces.length; i++) {
            if (!isReservedParameter(pieces[i])) {
                kept.append(';').append(pieces[i]);
            }
        }
        return kept.toString();
    }

    private static boolean isReservedParameter(String piece) {
        int equals = piece.indexOf('=');
        String name = (equals < 0 ? piece : piece.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
        String spelled = name.replace('-', '_');
        return spelled.equals("s3multi") || spelled.startsWith("s3multi_");
    }

    private static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
