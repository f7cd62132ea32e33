package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The answer to CompleteMultipartUpload: where the object is and its multipart ETag ({@code "...-N"}). */
@XmlRootElement(name = "CompleteMultipartUploadResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CompleteMultipartUploadResult", propOrder = {"location", "bucket", "key", "eTag", "checksumCrc32",
        "checksumCrc32c", "checksumCrc64nvme", "checksumSha1", "checksumSha256", "checksumType"})
public final class CompleteMultipartUploadResult extends ChecksumFields<CompleteMultipartUploadResult> {

    @XmlElement(name = "Location") private String location;
    @XmlElement(name = "Bucket") private String bucket;
    @XmlElement(name = "Key") private String key;
    @XmlElement(name = "ETag") private String eTag;
    @XmlElement(name = "ChecksumType") private String checksumType;

    private CompleteMultipartUploadResult() {
    }

    /** {@code location} is the object's URL; {@code eTag} is written as given, with its quotes. */
    public CompleteMultipartUploadResult(String location, String bucket, String key, String eTag) {
        this.location = location;
        this.bucket = bucket;
        this.key = key;
        this.eTag = eTag;
    }

    /** {@code COMPOSITE} or {@code FULL_OBJECT}, when the upload has a checksum. */
    public CompleteMultipartUploadResult checksumType(String checksumType) {
        this.checksumType = checksumType;
        return this;
    }
}
