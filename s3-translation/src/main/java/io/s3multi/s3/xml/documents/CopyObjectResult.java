package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;

/** The answer to CopyObject: the new object's ETag and time, and its checksum when it has one. */
@XmlRootElement(name = "CopyObjectResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CopyObjectResult", propOrder = {"eTag", "lastModified", "checksumCrc32", "checksumCrc32c",
        "checksumCrc64nvme", "checksumSha1", "checksumSha256"})
public final class CopyObjectResult extends ChecksumFields<CopyObjectResult> {

    @XmlElement(name = "ETag")
    private String eTag;

    @XmlElement(name = "LastModified")
    private Instant lastModified;

    private CopyObjectResult() {
    }

    /** {@code eTag} is written as given, with its quotes. */
    public CopyObjectResult(String eTag, Instant lastModified) {
        this.eTag = eTag;
        this.lastModified = lastModified;
    }

    public String eTag() {
        return eTag;
    }

    public Instant lastModified() {
        return lastModified;
    }
}
