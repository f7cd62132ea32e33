package io.s3multi.s3.operation;

import io.s3multi.s3.auth.AwsChunkedInputStream;
import io.s3multi.s3.contract.ListingEtag;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.HeaderValues;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.swift.SwiftHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Moves an object's metadata between S3 and Swift: {@code x-amz-meta-foo} is {@code X-Object-Meta-Foo}, and the
 * content headers ({@code Content-Type}, {@code Content-Encoding}, {@code Content-Disposition},
 * {@code Content-Language}, {@code Cache-Control}, {@code Expires}) keep their names, which Swift stores and
 * returns as they are.
 *
 * <p>Both ways leave reserved metadata ({@link ReservedMetadata}) alone: a client may not send it (in any
 * spelling Swift would file under the reserved prefix, nor as a reserved content-type parameter) and never sees
 * it. S3 sends metadata names in lower case; Swift title-cases them, so the round trip is lossless for names that
 * S3 clients can write (an underscore, which Swift turns into a dash, is the exception S3 shares with Swift's own
 * s3api).
 *
 * <p>Values beyond ASCII (botocore sends UTF-8 bytes) are stored as AWS returns them, RFC 2047 encoded-words
 * ({@code =?UTF-8?B?...?=}, {@link HeaderValues#mailSafe}): plain ASCII in Swift, the same answer as AWS on GET and
 * HEAD. Values stored otherwise (UTF-8 through the native Swift API) are answered the same way.
 *
 * <p>Limits: AWS allows 2 KB of user metadata (names without the prefix plus values, in UTF-8 bytes). Swift's
 * defaults (its {@code /info}: {@code max_meta_name_length} 128, {@code max_meta_value_length} 256,
 * {@code max_meta_count} 90) are stricter per entry, so one 2 KB value that AWS takes does not fit. It is refused
 * here as {@code MetadataTooLarge} whose message names the header and the limit it broke, with {@code <Size>} and
 * {@code <MaxSizeAllowed>} of that limit (not of the 2 KB total, which would read as "2041 of 2048 is too
 * much"); splitting one value over several Swift entries would make the stored object unreadable to native
 * Swift clients.
 */
public final class ObjectMetadata {

    /** AWS's limit on the user metadata of one object. */
    public static final int MAX_USER_METADATA_BYTES = 2048;

    /** AWS's content type for an object stored without one. */
    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    static final String S3_META_PREFIX = "x-amz-meta-";
    static final String SWIFT_META_PREFIX = "X-Object-Meta-";

    /** Content headers stored with the object and returned on GET and HEAD, in response order. */
    public static final List<String> CONTENT_HEADERS = List.of(
            "Content-Type", "Content-Encoding", "Content-Disposition", "Content-Language", "Cache-Control", "Expires");

    // Swift's default constraints (max_meta_name_length, max_meta_value_length, max_meta_count), minus room for
    // the reserved entries the gateway adds.
    private static final int SWIFT_MAX_NAME_BYTES = 128;
    private static final int SWIFT_MAX_VALUE_BYTES = 256;
    private static final int SWIFT_MAX_USER_ENTRIES = 80;

    private ObjectMetadata() {
    }

    /**
     * The Swift headers for the metadata a request sends with a new object (PutObject, or CopyObject with
     * {@code REPLACE}): content headers (a default content type, {@code aws-chunked} removed from
     * {@code Content-Encoding}) and user metadata.
     *
     * @throws S3Exception {@code InvalidArgument} for reserved metadata names or a header value with a line break,
     *                     {@code MetadataTooLarge} over the limits
     */
    public static SwiftHeaders fromRequest(RequestHead head) {
        head.headers().forEach((name, values) -> values.forEach(value -> HeaderValues.requireSingleLine(name, value)));
        SwiftHeaders.Builder swift = SwiftHeaders.builder();
        String contentType = head.header("Content-Type");
        refuseReservedContentType(contentType);
        swift.add("Content-Type", contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType);
        String encoding = AwsChunkedInputStream.storedContentEncoding(head.header("Content-Encoding"));
        if (encoding != null) {
            swift.add("Content-Encoding", encoding);
        }
        for (String name : CONTENT_HEADERS.subList(2, CONTENT_HEADERS.size())) {
            String value = head.header(name);
            if (value != null) {
                swift.add(name, value);
            }
        }
        int totalBytes = 0;
        int entries = 0;
        for (Map.Entry<String, List<String>> header : head.headers().entrySet()) {
            String name = header.getKey();
            if (!name.startsWith(S3_META_PREFIX)) {
                continue;
            }
            if (ReservedMetadata.isReservedS3Name(name)) {
                throw S3Exception.invalidArgument(name, String.join(",", header.getValue()),
                        "Metadata names starting with " + ReservedMetadata.S3_PREFIX + " are reserved.");
            }
            String suffix = name.substring(S3_META_PREFIX.length());
            String text = HeaderValues.asSent(String.join(",", header.getValue()).trim());
            String value = HeaderValues.mailSafe(text);
            int nameBytes = utf8Length(suffix);
            int valueBytes = utf8Length(value);
            totalBytes += nameBytes + utf8Length(text);
            entries++;
            if (suffix.isEmpty()) {
                throw S3Exception.invalidArgument(name, value, "A metadata name must not be empty.");
            }
            if (nameBytes > SWIFT_MAX_NAME_BYTES) {
                throw S3Exception.metadataTooLarge("The metadata name " + name + " has " + nameBytes
                        + " bytes after x-amz-meta-; at most " + SWIFT_MAX_NAME_BYTES + " are stored.", nameBytes,
                        SWIFT_MAX_NAME_BYTES).withReason("swiftNameLimit");
            }
            if (valueBytes > SWIFT_MAX_VALUE_BYTES) {
                throw S3Exception.metadataTooLarge("The value of " + name + " has " + valueBytes
                        + " bytes; at most " + SWIFT_MAX_VALUE_BYTES + " bytes per metadata value are stored.",
                        valueBytes, SWIFT_MAX_VALUE_BYTES).withReason("swiftValueLimit");
            }
            if (entries > SWIFT_MAX_USER_ENTRIES) {
                throw S3Exception.metadataTooLarge("At most " + SWIFT_MAX_USER_ENTRIES
                        + " x-amz-meta-* headers are stored.", entries, SWIFT_MAX_USER_ENTRIES)
                        .withReason("swiftCountLimit");
            }
            swift.add(SWIFT_META_PREFIX + suffix, value);
        }
        if (totalBytes > MAX_USER_METADATA_BYTES) {
            throw S3Exception.metadataTooLarge(totalBytes, MAX_USER_METADATA_BYTES);
        }
        return swift.build();
    }

    /**
     * Refuses a content type with a parameter reserved for the gateway ({@link ListingEtag}): Swift would store
     * it verbatim, and listings would take it for the object's S3 ETag.
     *
     * @throws S3Exception {@code InvalidArgument}
     */
    public static void refuseReservedContentType(String contentType) {
        if (ListingEtag.hasReservedParameter(contentType)) {
            throw S3Exception.invalidArgument("Content-Type", contentType,
                    "Content-Type parameters starting with s3multi are reserved.");
        }
    }

    /**
     * The metadata of a stored object that a copy with {@code COPY} carries over, as Swift headers to send
     * with {@code X-Fresh-Metadata: true}: content headers and user metadata, no reserved entries. The copy is a
     * new plain object with an ETag of its own, so a multipart source's ETag (reserved metadata, and the
     * {@link ListingEtag} content-type parameter) stays behind.
     */
    public static SwiftHeaders copiedFrom(SwiftHeaders stored) {
        SwiftHeaders.Builder swift = SwiftHeaders.builder();
        contentHeaders(stored, swift::add);
        for (Map.Entry<String, String> field : stored.fields()) {
            if (isUserMetadata(field.getKey())) {
                swift.add(field.getKey(), field.getValue());
            }
        }
        return swift.build();
    }

    /**
     * The headers S3 answers GET and HEAD with for a stored object's metadata: content headers as stored and
     * {@code x-amz-meta-*} in lower case, in Swift's order.
     */
    public static void toResponse(SwiftHeaders stored, BiConsumer<String, String> out) {
        contentHeaders(stored, out);
        for (Map.Entry<String, String> field : stored.fields()) {
            if (isUserMetadata(field.getKey())) {
                String suffix = field.getKey().substring(SWIFT_META_PREFIX.length()).toLowerCase(Locale.ROOT);
                out.accept(S3_META_PREFIX + suffix, HeaderValues.mailSafe(HeaderValues.asSent(field.getValue())));
            }
        }
    }

    /** The stored content headers, the content type as the client gave it (without the ListingEtag parameter). */
    private static void contentHeaders(SwiftHeaders stored, BiConsumer<String, String> out) {
        for (String name : CONTENT_HEADERS) {
            String value = stored.get(name);
            if (value != null) {
                out.accept(name, name.equals("Content-Type") ? ListingEtag.parse(value).contentType() : value);
            }
        }
    }

    /** Whether a Swift header is client metadata: {@code X-Object-Meta-*} but not reserved. */
    public static boolean isUserMetadata(String swiftHeader) {
        return swiftHeader.regionMatches(true, 0, SWIFT_META_PREFIX, 0, SWIFT_META_PREFIX.length())
                && !ReservedMetadata.isReserved(swiftHeader);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
