package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.time.Instant;

/**
 * What a server-side copy answers, for an object ({@link CopyObjectResult}) or a part ({@link CopyPartResult}):
 * the copy's {@code <ETag>} and {@code <LastModified>}, and its checksum when it has one. The two documents differ
 * only in their root element; their {@code propOrder} is {@code "eTag", "lastModified"} and the checksums.
 *
 * @param <S> the subclass, so that {@link #checksum(String, String)} can return it
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class CopyResult<S extends CopyResult<S>> extends ChecksumFields<S> {

    @XmlElement(name = "ETag") private String eTag;
    @XmlElement(name = "LastModified") private Instant lastModified;

    CopyResult() {
    }

    /** {@code eTag} is written as given, with its quotes. */
    CopyResult(String eTag, Instant lastModified) {
        this.eTag = eTag;
        this.lastModified = lastModified;
    }
}
