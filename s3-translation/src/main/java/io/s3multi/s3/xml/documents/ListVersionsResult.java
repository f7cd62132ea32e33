package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer to ListObjectVersions. {@code <Version>} and {@code <DeleteMarker>} entries are interleaved in key
 * order, so they share one list; on an unversioned bucket every object is one version with id {@code null}.
 */
@XmlRootElement(name = "ListVersionsResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ListVersionsResult", propOrder = {"name", "prefix", "keyMarker", "versionIdMarker",
        "nextKeyMarker", "nextVersionIdMarker", "maxKeys", "delimiter", "encodingType", "truncated", "entries",
        "commonPrefixes"})
public final class ListVersionsResult {

    @XmlElement(name = "Name")
    private String name;

    @XmlElement(name = "Prefix")
    private String prefix;

    @XmlElement(name = "KeyMarker")
    private String keyMarker;

    @XmlElement(name = "VersionIdMarker")
    private String versionIdMarker;

    @XmlElement(name = "NextKeyMarker")
    private String nextKeyMarker;

    @XmlElement(name = "NextVersionIdMarker")
    private String nextVersionIdMarker;

    @XmlElement(name = "MaxKeys")
    private Integer maxKeys;

    @XmlElement(name = "Delimiter")
    private String delimiter;

    @XmlElement(name = "EncodingType")
    private String encodingType;

    @XmlElement(name = "IsTruncated")
    private Boolean truncated;

    @XmlElements({
            @XmlElement(name = "Version", type = Version.class),
            @XmlElement(name = "DeleteMarker", type = DeleteMarker.class)
    })
    private List<Object> entries = new ArrayList<>();

    @XmlElement(name = "CommonPrefixes")
    private List<CommonPrefix> commonPrefixes = new ArrayList<>();

    public ListVersionsResult() {
    }

    public ListVersionsResult(String bucket) {
        this.name = bucket;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public ListVersionsResult prefix(String prefix) {
        this.prefix = prefix;
        return this;
    }

    public String keyMarker() {
        return keyMarker;
    }

    public ListVersionsResult keyMarker(String keyMarker) {
        this.keyMarker = keyMarker;
        return this;
    }

    public String versionIdMarker() {
        return versionIdMarker;
    }

    public ListVersionsResult versionIdMarker(String versionIdMarker) {
        this.versionIdMarker = versionIdMarker;
        return this;
    }

    public String nextKeyMarker() {
        return nextKeyMarker;
    }

    public ListVersionsResult nextKeyMarker(String nextKeyMarker) {
        this.nextKeyMarker = nextKeyMarker;
        return this;
    }

    public String nextVersionIdMarker() {
        return nextVersionIdMarker;
    }

    public ListVersionsResult nextVersionIdMarker(String nextVersionIdMarker) {
        this.nextVersionIdMarker = nextVersionIdMarker;
        return this;
    }

    public Integer maxKeys() {
        return maxKeys;
    }

    public ListVersionsResult maxKeys(Integer maxKeys) {
        this.maxKeys = maxKeys;
        return this;
    }

    public String delimiter() {
        return delimiter;
    }

    public ListVersionsResult delimiter(String delimiter) {
        this.delimiter = delimiter;
        return this;
    }

    public String encodingType() {
        return encodingType;
    }

    public ListVersionsResult encodingType(String encodingType) {
        this.encodingType = encodingType;
        return this;
    }

    public boolean isTruncated() {
        return Boolean.TRUE.equals(truncated);
    }

    public ListVersionsResult truncated(boolean truncated) {
        this.truncated = truncated;
        return this;
    }

    /** The entries in document order; each is a {@link Version} or a {@link DeleteMarker}. */
    public List<Object> entries() {
        return Collections.unmodifiableList(entries);
    }

    public ListVersionsResult addVersion(Version version) {
        entries.add(version);
        return this;
    }

    public ListVersionsResult addDeleteMarker(DeleteMarker marker) {
        entries.add(marker);
        return this;
    }

    public List<CommonPrefix> commonPrefixes() {
        return Collections.unmodifiableList(commonPrefixes);
    }

    public ListVersionsResult addCommonPrefix(String prefix) {
        commonPrefixes.add(new CommonPrefix(prefix));
        return this;
    }

    /** One {@code <Version>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectVersion", propOrder = {"key", "versionId", "latest", "lastModified", "eTag",
            "checksumAlgorithm", "size", "storageClass", "owner"})
    public static final class Version {

        @XmlElement(name = "Key")
        private String key;

        @XmlElement(name = "VersionId")
        private String versionId;

        @XmlElement(name = "IsLatest")
        private Boolean latest;

        @XmlElement(name = "LastModified")
        private Instant lastModified;

        @XmlElement(name = "ETag")
        private String eTag;

        @XmlElement(name = "ChecksumAlgorithm")
        private String checksumAlgorithm;

        @XmlElement(name = "Size")
        private Long size;

        @XmlElement(name = "StorageClass")
        private String storageClass;

        @XmlElement(name = "Owner")
        private Owner owner;

        private Version() {
        }

        public Version(String key, String versionId, boolean latest, Instant lastModified, String eTag, long size,
                String storageClass) {
            this.key = key;
            this.versionId = versionId;
            this.latest = latest;
            this.lastModified = lastModified;
            this.eTag = eTag;
            this.size = size;
            this.storageClass = storageClass;
        }

        public String key() {
            return key;
        }

        public String versionId() {
            return versionId;
        }

        public boolean isLatest() {
            return Boolean.TRUE.equals(latest);
        }

        public Instant lastModified() {
            return lastModified;
        }

        public String eTag() {
            return eTag;
        }

        public long size() {
            return size == null ? 0 : size;
        }

        public String storageClass() {
            return storageClass;
        }

        public Owner owner() {
            return owner;
        }

        public Version owner(Owner owner) {
            this.owner = owner;
            return this;
        }

        public String checksumAlgorithm() {
            return checksumAlgorithm;
        }

        public Version checksumAlgorithm(String checksumAlgorithm) {
            this.checksumAlgorithm = checksumAlgorithm;
            return this;
        }
    }

    /** One {@code <DeleteMarker>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DeleteMarkerEntry", propOrder = {"key", "versionId", "latest", "lastModified", "owner"})
    public static final class DeleteMarker {

        @XmlElement(name = "Key")
        private String key;

        @XmlElement(name = "VersionId")
        private String versionId;

        @XmlElement(name = "IsLatest")
        private Boolean latest;

        @XmlElement(name = "LastModified")
        private Instant lastModified;

        @XmlElement(name = "Owner")
        private Owner owner;

        private DeleteMarker() {
        }

        public DeleteMarker(String key, String versionId, boolean latest, Instant lastModified, Owner owner) {
            this.key = key;
            this.versionId = versionId;
            this.latest = latest;
            this.lastModified = lastModified;
            this.owner = owner;
        }

        public String key() {
            return key;
        }

        public String versionId() {
            return versionId;
        }

        public boolean isLatest() {
            return Boolean.TRUE.equals(latest);
        }

        public Instant lastModified() {
            return lastModified;
        }

        public Owner owner() {
            return owner;
        }
    }
}
