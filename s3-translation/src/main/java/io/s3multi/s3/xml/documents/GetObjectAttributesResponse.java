package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to GetObjectAttributes: only the attributes asked for are set, the others are left out. The ETag is
 * written without quotes, as AWS writes it here (and nowhere else).
 */
@XmlRootElement(name = "GetObjectAttributesResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "GetObjectAttributesResponse", propOrder = {"eTag", "checksum", "objectParts", "storageClass",
        "objectSize"})
public final class GetObjectAttributesResponse {

    @XmlElement(name = "ETag") private String eTag;
    @XmlElement(name = "Checksum") private Checksum checksum;
    @XmlElement(name = "ObjectParts") private ObjectParts objectParts;
    @XmlElement(name = "StorageClass") private String storageClass;
    @XmlElement(name = "ObjectSize") private Long objectSize;

    public GetObjectAttributesResponse eTag(String unquotedETag) {
        this.eTag = unquotedETag;
        return this;
    }

    public GetObjectAttributesResponse checksum(Checksum checksum) {
        this.checksum = checksum;
        return this;
    }

    public GetObjectAttributesResponse objectParts(ObjectParts objectParts) {
        this.objectParts = objectParts;
        return this;
    }

    public GetObjectAttributesResponse storageClass(String storageClass) {
        this.storageClass = storageClass;
        return this;
    }

    public GetObjectAttributesResponse objectSize(long objectSize) {
        this.objectSize = objectSize;
        return this;
    }

    /** {@code <Checksum>}: the object's checksum and how it was formed. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectAttributesChecksum", propOrder = {"checksumCrc32", "checksumCrc32c",
            "checksumCrc64nvme", "checksumSha1", "checksumSha256", "checksumType"})
    public static final class Checksum extends ChecksumFields<Checksum> {

        @XmlElement(name = "ChecksumType") private String checksumType;

        private Checksum() {
        }

        public Checksum(String algorithm, String value, String checksumType) {
            checksum(algorithm, value);
            this.checksumType = checksumType;
        }
    }

    /** {@code <ObjectParts>}: one page of a multipart object's parts. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectAttributesParts", propOrder = {"truncated", "maxParts", "nextPartNumberMarker",
            "partNumberMarker", "parts", "partsCount"})
    public static final class ObjectParts {

        @XmlElement(name = "IsTruncated") private Boolean truncated;
        @XmlElement(name = "MaxParts") private Integer maxParts;
        @XmlElement(name = "NextPartNumberMarker") private Integer nextPartNumberMarker;
        @XmlElement(name = "PartNumberMarker") private Integer partNumberMarker;
        @XmlElement(name = "Part") private List<Part> parts = new ArrayList<>();
        @XmlElement(name = "PartsCount") private Integer partsCount;

        private ObjectParts() {
        }

        public ObjectParts(int partsCount, int partNumberMarker, int maxParts, boolean truncated) {
            this.partsCount = partsCount;
            this.partNumberMarker = partNumberMarker;
            this.maxParts = maxParts;
            this.truncated = truncated;
        }

        public ObjectParts addPart(Part part) {
            parts.add(part);
            nextPartNumberMarker = part.partNumber;
            return this;
        }
    }

    /** One {@code <Part>}: its number, size and checksum. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectAttributesPart", propOrder = {"checksumCrc32", "checksumCrc32c", "checksumCrc64nvme",
            "checksumSha1", "checksumSha256", "partNumber", "size"})
    public static final class Part extends ChecksumFields<Part> {

        @XmlElement(name = "PartNumber") private Integer partNumber;
        @XmlElement(name = "Size") private Long size;

        private Part() {
        }

        public Part(int partNumber, long size) {
            this.partNumber = partNumber;
            this.size = size;
        }
    }
}
