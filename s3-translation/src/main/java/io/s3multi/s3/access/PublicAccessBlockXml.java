package io.s3multi.s3.access;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.PublicAccessBlockConfiguration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@code PublicAccessBlockConfiguration} document: read from a request body or the stored copy, and written.
 * A switch that is absent is off; a value other than {@code true}/{@code false} is {@code MalformedXML}.
 */
public final class PublicAccessBlockXml {

    private PublicAccessBlockXml() {
    }

    /**
     * @throws S3Exception {@code MalformedXML} for a document that is not a valid configuration
     */
    public static PublicAccessBlock parse(String xml) {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #parse(String)}, from the stored bytes. */
    public static PublicAccessBlock parse(byte[] xml) {
        return of(S3Xml.read(new ByteArrayInputStream(xml), PublicAccessBlockConfiguration.class,
                S3Xml.MAX_CONFIGURATION_BYTES));
    }

    /** The switches of a parsed document. */
    public static PublicAccessBlock of(PublicAccessBlockConfiguration document) {
        return new PublicAccessBlock(flag(document.blockPublicAcls()), flag(document.ignorePublicAcls()),
                flag(document.blockPublicPolicy()), flag(document.restrictPublicBuckets()));
    }

    /** The document with all four switches written out, as AWS answers GetPublicAccessBlock. */
    public static PublicAccessBlockConfiguration document(PublicAccessBlock block) {
        return new PublicAccessBlockConfiguration(block.blockPublicAcls(), block.ignorePublicAcls(),
                block.blockPublicPolicy(), block.restrictPublicBuckets());
    }

    /** The stored form. */
    public static String render(PublicAccessBlock block) {
        return new String(S3Xml.toBytes(document(block)), StandardCharsets.UTF_8);
    }

    private static boolean flag(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw S3Exception.malformedXml();
        };
    }
}
