package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.multipart.ListingParameters;
import io.s3multi.s3.multipart.PartReads;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.StoredObject;
import io.s3multi.s3.request.PartNumbers;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.version.VersionId;
import io.s3multi.s3.xml.documents.GetObjectAttributesResponse;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * GetObjectAttributes: what HeadObject and ListParts would tell about an object, in one XML answer with only the
 * attributes named in {@code x-amz-object-attributes} ({@code ETag}, {@code Checksum}, {@code ObjectParts},
 * {@code StorageClass}, {@code ObjectSize}; comma-separated, in one header or several).
 *
 * <ul>
 *   <li>One HEAD of the object gives the ETag (unquoted, as AWS writes it here), size, {@code Last-Modified} and the
 *       stored checksum with its type ({@code <base64>-N} for COMPOSITE, as Complete answered it).</li>
 *   <li>{@code ObjectParts} only for an object made by multipart upload, as on AWS: one listing of its parts in
 *       {@code <bucket>_segments} ({@link PartReads#parts}), from {@code x-amz-part-number-marker} (default 0), at
 *       most {@code x-amz-max-parts} (default and cap 1000), each with the number it was uploaded as, its size and
 *       checksum; {@code PartsCount} is the object's number of parts.</li>
 *   <li>{@code versionId}: that version's attributes ({@code HEAD ?version-id=} in Swift's object versioning);
 *       {@code x-amz-version-id} on the answer whenever the bucket has versioning configured.</li>
 *   <li>Errors as AWS: no attribute named is {@code InvalidRequest}, an unknown name {@code InvalidArgument}, a
 *       missing key {@code NoSuchKey}, an unknown version {@code NoSuchVersion}, a malformed version id
 *       {@code InvalidArgument}. (A delete marker answers as a missing key or version.)</li>
 * </ul>
 */
public final class ObjectAttributesReader {

    /** The attributes a client can ask for, named as in {@code x-amz-object-attributes}. */
    enum Attribute {
        ETAG("ETag"), CHECKSUM("Checksum"), OBJECT_PARTS("ObjectParts"), STORAGE_CLASS("StorageClass"),
        OBJECT_SIZE("ObjectSize");

        private final String headerName;

        Attribute(String headerName) {
            this.headerName = headerName;
        }
    }

    static final String ATTRIBUTES_HEADER = "x-amz-object-attributes";
    private static final int MAX_PARTS = 1000;

    private ObjectAttributesReader() {
    }

    public static S3Response getObjectAttributes(S3Call call) {
        Set<Attribute> asked = requested(call);
        Optional<VersionId> version = VersionId.fromQuery(call.request());
        int maxParts = ListingParameters.count("x-amz-max-parts", call.request().header("x-amz-max-parts"),
                MAX_PARTS, MAX_PARTS);
        int marker = ListingParameters.count("x-amz-part-number-marker",
                call.request().header("x-amz-part-number-marker"), 0, PartNumbers.MAX);
        SwiftAccount swift = call.swift();
        SwiftHeaders head = head(call, version);
        StoredObject stored = new StoredObject(head);
        GetObjectAttributesResponse answer = new GetObjectAttributesResponse();
        if (asked.contains(Attribute.ETAG)) {
            answer.eTag(stored.etag().replace("\"", ""));
        }
        if (asked.contains(Attribute.CHECKSUM)) {
            stored.checksum().ifPresent(sum -> answer.checksum(new GetObjectAttributesResponse.Checksum(
                    sum.algorithm().awsName(), sum.value(), sum.type())));
        }
        if (asked.contains(Attribute.OBJECT_PARTS)) {
            S3Failures.onObject(swift, call.bucket(), call.key(),
                    () -> PartReads.parts(swift, call.bucket(), head, marker, maxParts))
                    .ifPresent(parts -> answer.objectParts(objectParts(parts, marker, maxParts)));
        }
        if (asked.contains(Attribute.STORAGE_CLASS)) {
            answer.storageClass("STANDARD");
        }
        if (asked.contains(Attribute.OBJECT_SIZE)) {
            answer.objectSize(stored.size());
        }
        // Swift names the version (null included) exactly when the bucket has versioning configured.
        return S3Response.xml(answer).withHeader("Last-Modified", stored.lastModifiedHeader())
                .withHeader(VersionHeaders.VERSION_ID, VersionHeaders.swiftVersionId(head).orElse(null));
    }

    /**
     * The object's headers: of the version asked for ({@code NoSuchVersion} when Swift knows none by that id, as
     * AWS answers), else of the current one. Version {@code null} of a bucket never versioned is its object: Swift
     * would answer {@code ?version-id=null} there too, but with a version id, which such a bucket does not show.
     */
    private static SwiftHeaders head(S3Call call, Optional<VersionId> version) {
        SwiftAccount swift = call.swift();
        String bucket = call.bucket();
        String key = call.key();
        if (version.isEmpty() || version.get().isNull()) {
            SwiftHeaders current = S3Failures.onObject(swift, bucket, key,
                    () -> swift.objects().head(bucket, key, SwiftHeaders.empty()).headers());
            if (version.isEmpty() || !VersionHeaders.versioningConfigured(current)) {
                return current;
            }
        }
        try {
            return swift.objects().headVersion(bucket, key, version.get().value(), SwiftHeaders.empty()).headers();
        } catch (SwiftException failure) {
            if (failure instanceof SwiftHttpStatusException status && status.status() == 400) {
                throw VersionId.malformed(version.get().value());
            }
            S3Exception answer = S3Failures.forObject(failure, swift, bucket, key);
            throw answer.code() == S3ErrorCode.NO_SUCH_KEY ? S3Exception.noSuchVersion(key, version.get().value())
                    : answer;
        }
    }

    private static GetObjectAttributesResponse.ObjectParts objectParts(PartReads.ObjectParts parts, int marker,
            int maxParts) {
        GetObjectAttributesResponse.ObjectParts shown = new GetObjectAttributesResponse.ObjectParts(
                parts.partsCount(), marker, maxParts, parts.page().truncated());
        for (StoredPart part : parts.page().parts()) {
            GetObjectAttributesResponse.Part listed = new GetObjectAttributesResponse.Part(part.number(), part.size());
            if (part.checksum() != null) {
                listed.checksum(part.checksum().algorithm().awsName(), part.checksum().base64());
            }
            shown.addPart(listed);
        }
        return shown;
    }

    /** The attributes named in every {@code x-amz-object-attributes} header, each comma-separated. */
    static Set<Attribute> requested(S3Call call) {
        Set<Attribute> asked = EnumSet.noneOf(Attribute.class);
        for (String value : call.request().head().headerValues(ATTRIBUTES_HEADER)) {
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                if (!trimmed.isEmpty()) {
                    asked.add(attribute(trimmed));
                }
            }
        }
        if (asked.isEmpty()) {
            throw S3Exception.invalidRequest("The x-amz-object-attributes header specifying the attributes to be"
                    + " retrieved is either missing or empty");
        }
        return asked;
    }

    private static Attribute attribute(String name) {
        for (Attribute attribute : Attribute.values()) {
            if (attribute.headerName.equals(name)) {
                return attribute;
            }
        }
        throw S3Exception.invalidArgument(ATTRIBUTES_HEADER, name, "Invalid attribute name specified.");
    }
}
