package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The answer to ListParts: one page of the parts uploaded so far, in part-number order. */
@XmlRootElement(name = "ListPartsResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ListPartsResult", propOrder = {"bucket", "key", "uploadId", "partNumberMarker",
        "nextPartNumberMarker", "maxParts", "truncated", "parts", "initiator", "owner", "storageClass",
        "checksumAlgorithm", "checksumType"})
public final class ListPartsResult extends UploadDescription<ListPartsResult> {

    @XmlElement(name = "Bucket") private String bucket;
    @XmlElement(name = "PartNumberMarker") private Integer partNumberMarker;
    @XmlElement(name = "NextPartNumberMarker") private Integer nextPartNumberMarker;
    @XmlElement(name = "MaxParts") private Integer maxParts;
    @XmlElement(name = "IsTruncated") private Boolean truncated;
    @XmlElement(name = "Part") private List<Part> parts = new ArrayList<>();
    @XmlElement(name = "ChecksumType") private String checksumType;

    private ListPartsResult() {
    }

    public ListPartsResult(String bucket, String key, String uploadId) {
        super(key, uploadId);
        this.bucket = bucket;
    }

    public ListPartsResult partNumberMarker(Integer partNumberMarker) {
        this.partNumberMarker = partNumberMarker;
        return this;
    }

    public ListPartsResult nextPartNumberMarker(Integer nextPartNumberMarker) {
        this.nextPartNumberMarker = nextPartNumberMarker;
        return this;
    }

    public ListPartsResult maxParts(Integer maxParts) {
        this.maxParts = maxParts;
        return this;
    }

    public ListPartsResult truncated(boolean truncated) {
        this.truncated = truncated;
        return this;
    }

    public ListPartsResult addPart(Part part) {
        parts.add(part);
        return this;
    }

    public ListPartsResult checksumType(String checksumType) {
        this.checksumType = checksumType;
        return this;
    }

    /** One {@code <Part>} of the listing. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ListedPart", propOrder = {"partNumber", "lastModified", "eTag", "size", "checksumCrc32",
            "checksumCrc32c", "checksumCrc64nvme", "checksumSha1", "checksumSha256"})
    public static final class Part extends ChecksumFields<Part> {

        @XmlElement(name = "PartNumber") private Integer partNumber;
        @XmlElement(name = "LastModified") private Instant lastModified;
        @XmlElement(name = "ETag") private String eTag;
        @XmlElement(name = "Size") private Long size;

        private Part() {
        }

        /** {@code eTag} is written as given, with its quotes. */
        public Part(int partNumber, Instant lastModified, String eTag, long size) {
            this.partNumber = partNumber;
            this.lastModified = lastModified;
            this.eTag = eTag;
            this.size = size;
        }
    }
}
