package io.s3multi.s3.version;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.S3Request;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An S3 version id: Swift's own version id, unchanged (a timestamp such as {@code 1796608640.37813}), or
 * {@code null} for the version written while versioning was off or suspended.
 *
 * <p>A value that cannot be a Swift version id is refused here as AWS refuses a malformed one (400
 * {@code InvalidArgument}, "Invalid version id specified"), so it never reaches Swift; a well-formed one Swift
 * does not know is {@code NoSuchVersion} at the operation.
 *
 * @param value the id as S3 shows it
 */
public record VersionId(String value) {

    /** The id of the version written while versioning was off or suspended. */
    public static final String NULL_VALUE = "null";
    public static final VersionId NULL = new VersionId(NULL_VALUE);

    /** Swift's {@code Timestamp.normal}, optionally with its {@code _offset}: what Swift accepts as a version id. */
    private static final Pattern SWIFT_FORM = Pattern.compile("\\d{1,16}(\\.\\d{1,5})?(_[0-9a-f]{16})?");

    private static final String COPY_SOURCE_PARAMETER = "versionId=";

    public VersionId {
        Objects.requireNonNull(value, "value");
    }

    /** The {@code versionId} query parameter, if the request has one. */
    public static Optional<VersionId> fromQuery(S3Request request) {
        return request.param("versionId").map(VersionId::parse);
    }

    /**
     * The version an {@code x-amz-copy-source} names in its query ({@code ?versionId=}), if it names one.
     *
     * @param query     what follows the {@code ?}
     * @param badSource the error for a query that is anything else
     */
    public static Optional<VersionId> fromCopySourceQuery(String query, Supplier<S3Exception> badSource) {
        VersionId version = null;
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            if (!parameter.startsWith(COPY_SOURCE_PARAMETER)) {
                throw badSource.get();
            }
            version = parse(parameter.substring(COPY_SOURCE_PARAMETER.length()));
        }
        return Optional.ofNullable(version);
    }

    /**
     * A version id sent by a client.
     *
     * @throws S3Exception {@code InvalidArgument} for an empty or malformed id
     */
    public static VersionId parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw S3Exception.invalidArgument("versionId", raw == null ? "" : raw,
                    "Version id cannot be the empty string");
        }
        if (!raw.equals(NULL_VALUE) && !SWIFT_FORM.matcher(raw).matches()) {
            throw malformed(raw);
        }
        return new VersionId(raw);
    }

    /** AWS's answer to a version id that is not one (Swift's 400 for an id it cannot parse, too). */
    public static S3Exception malformed(String raw) {
        return S3Exception.invalidArgument("versionId", raw, "Invalid version id specified");
    }

    public boolean isNull() {
        return value.equals(NULL_VALUE);
    }

    @Override
    public String toString() {
        return value;
    }
}
