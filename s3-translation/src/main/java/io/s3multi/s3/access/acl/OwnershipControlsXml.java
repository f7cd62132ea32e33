package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.OwnershipControls;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code OwnershipControls} document of Put/GetBucketOwnershipControls (and the registry object
 * {@code ownership-controls}): exactly one rule naming {@code BucketOwnerEnforced}, {@code BucketOwnerPreferred} or
 * {@code ObjectWriter}; anything else is {@code MalformedXML}, as AWS answers.
 */
public final class OwnershipControlsXml {

    private static final Map<String, ObjectOwnership> NAMES = Map.of(
            "BucketOwnerEnforced", ObjectOwnership.BUCKET_OWNER_ENFORCED,
            "BucketOwnerPreferred", ObjectOwnership.BUCKET_OWNER_PREFERRED,
            "ObjectWriter", ObjectOwnership.OBJECT_WRITER);

    private OwnershipControlsXml() {
    }

    /** Parses a stored document (or a body as text). */
    public static ObjectOwnership parse(String xml) {
        return read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow(S3Exception::malformedXml);
    }

    /** Parses a request body; empty when it has no bytes. */
    public static Optional<ObjectOwnership> read(InputStream body) {
        return S3Xml.readIfPresent(body, OwnershipControls.class, S3Xml.MAX_CONFIGURATION_BYTES).map(document -> {
            if (document.rules().size() != 1) {
                throw S3Exception.malformedXml();
            }
            return named(document.rules().get(0).objectOwnership());
        });
    }

    /** The value of {@code x-amz-object-ownership} (CreateBucket), or of a rule. */
    public static ObjectOwnership named(String value) {
        ObjectOwnership ownership = value == null ? null : NAMES.get(value.strip());
        if (ownership == null) {
            throw S3Exception.malformedXml();
        }
        return ownership;
    }

    /** The document as stored. */
    public static String render(ObjectOwnership ownership) {
        return new String(S3Xml.toBytes(toDocument(ownership)), StandardCharsets.UTF_8);
    }

    /** The document, for an answer. */
    public static OwnershipControls toDocument(ObjectOwnership ownership) {
        return OwnershipControls.of(NAMES.entrySet().stream().filter(entry -> entry.getValue() == ownership)
                .map(Map.Entry::getKey).findFirst().orElseThrow());
    }
}
