package io.s3multi.s3.multipart;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 ETag of a multipart object, carried as a parameter of the manifest's {@code Content-Type}
 * ({@code text/plain;s3etag="<md5-of-md5s>-N"}).
 *
 * <p>Why: Swift lists an object's content type verbatim, but a gateway outside the proxy has no sysmeta and
 * no container-update override, so this parameter is the only way a bucket listing can show the S3 ETag
 * without a HEAD per object (rclone and others compare listing ETags with HEAD ETags). The parameter is
 * always the last one, written without spaces; every Content-Type shown to a client must pass through
 * {@link #strip(String)}.
 */
public final class ListingEtag {

    /** The parameter name. */
    public static final String PARAMETER = "s3etag";

    private static final Pattern TRAILING = Pattern.compile("\\s*;\\s*" + PARAMETER + "=\"([^\"]*)\"\\s*$");

    private ListingEtag() {
    }

    /** {@code contentType} with the S3 ETag (unquoted) appended as the last parameter. */
    public static String append(String contentType, String s3Etag) {
        return strip(contentType) + ";" + PARAMETER + "=\"" + s3Etag + "\"";
    }

    /** The S3 ETag a stored or listed content type carries, unquoted; empty when it carries none. */
    public static Optional<String> read(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher matcher = TRAILING.matcher(contentType);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The content type as the client gave it: without the parameter. */
    public static String strip(String contentType) {
        if (contentType == null) {
            return null;
        }
        return TRAILING.matcher(contentType).replaceFirst("");
    }
}
