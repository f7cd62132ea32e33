package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;

/** The answer to UploadPartCopy. */
@XmlRootElement(name = "CopyPartResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CopyPartResult", propOrder = {"eTag", "lastModified", "checksumCrc32", "checksumCrc32c",
        "checksumCrc64nvme", "checksumSha1", "checksumSha256"})
public final class CopyPartResult extends CopyResult<CopyPartResult> {

    private CopyPartResult() {
    }

    public CopyPartResult(String eTag, Instant lastModified) {
        super(eTag, lastModified);
    }
}
