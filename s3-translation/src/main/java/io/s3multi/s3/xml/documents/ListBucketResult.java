package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer to ListObjects (v1) and ListObjectsV2: one page of keys and common prefixes.
 *
 * <p>One class serves both versions; the handler sets the fields of its version and leaves the others null, so
 * they are not written. V1 uses {@code Marker}/{@code NextMarker}; V2 uses {@code ContinuationToken},
 * {@code NextContinuationToken}, {@code StartAfter} and {@code KeyCount}. AWS always writes {@code Prefix}, and V1
 * always writes {@code Marker}, even when empty: set them to {@code ""} rather than null.
 */
@XmlRootElement(name = "ListBucketResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ListBucketResult", propOrder = {"name", "prefix", "marker", "nextMarker", "continuationToken",
        "nextContinuationToken", "startAfter", "keyCount", "maxKeys", "delimiter", "encodingType", "truncated",
        "contents", "commonPrefixes"})
public final class ListBucketResult {

    @XmlElement(name = "Name")
    private String name;

    @XmlElement(name = "Prefix")
    private String prefix;

    @XmlElement(name = "Marker")
    private String marker;

    @XmlElement(name = "NextMarker")
    private String nextMarker;

    @XmlElement(name = "ContinuationToken")
    private String continuationToken;

    @XmlElement(name = "NextContinuationToken")
    private String nextContinuationToken;

    @XmlElement(name = "StartAfter")
    private String startAfter;

    @XmlElement(name = "KeyCount")
    private Integer keyCount;

    @XmlElement(name = "MaxKeys")
    private Integer maxKeys;

    @XmlElement(name = "Delimiter")
    private String delimiter;

    @XmlElement(name = "EncodingType")
    private String encodingType;

    @XmlElement(name = "IsTruncated")
    private Boolean truncated;

    @XmlElement(name = "Contents")
    private List<Contents> contents = new ArrayList<>();

    @XmlElement(name = "CommonPrefixes")
    private List<CommonPrefix> commonPrefixes = new ArrayList<>();

    public ListBucketResult() {
    }

    public ListBucketResult(String bucket) {
        this.name = bucket;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public ListBucketResult prefix(String prefix) {
        this.prefix = prefix;
        return this;
    }

    public String marker() {
        return marker;
    }

    public ListBucketResult marker(String marker) {
        this.marker = marker;
        return this;
    }

    public String nextMarker() {
        return nextMarker;
    }

    public ListBucketResult nextMarker(String nextMarker) {
        this.nextMarker = nextMarker;
        return this;
    }

    public String continuationToken() {
        return continuationToken;
    }

    public ListBucketResult continuationToken(String continuationToken) {
        this.continuationToken = continuationToken;
        return this;
    }

    public String nextContinuationToken() {
        return nextContinuationToken;
    }

    public ListBucketResult nextContinuationToken(String nextContinuationToken) {
        this.nextContinuationToken = nextContinuationToken;
        return this;
    }

    public String startAfter() {
        return startAfter;
    }

    public ListBucketResult startAfter(String startAfter) {
        this.startAfter = startAfter;
        return this;
    }

    public Integer keyCount() {
        return keyCount;
    }

    public ListBucketResult keyCount(Integer keyCount) {
        this.keyCount = keyCount;
        return this;
    }

    public Integer maxKeys() {
        return maxKeys;
    }

    public ListBucketResult maxKeys(Integer maxKeys) {
        this.maxKeys = maxKeys;
        return this;
    }

    public String delimiter() {
        return delimiter;
    }

    public ListBucketResult delimiter(String delimiter) {
        this.delimiter = delimiter;
        return this;
    }

    public String encodingType() {
        return encodingType;
    }

    public ListBucketResult encodingType(String encodingType) {
        this.encodingType = encodingType;
        return this;
    }

    public boolean isTruncated() {
        return Boolean.TRUE.equals(truncated);
    }

    public ListBucketResult truncated(boolean truncated) {
        this.truncated = truncated;
        return this;
    }

    public List<Contents> contents() {
        return Collections.unmodifiableList(contents);
    }

    public ListBucketResult addContents(Contents entry) {
        contents.add(entry);
        return this;
    }

    public List<CommonPrefix> commonPrefixes() {
        return Collections.unmodifiableList(commonPrefixes);
    }

    public ListBucketResult addCommonPrefix(String prefix) {
        commonPrefixes.add(new CommonPrefix(prefix));
        return this;
    }

    /** One {@code <Contents>}: a key and what the listing says about it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ListedObject", propOrder = {"key", "lastModified", "eTag", "checksumAlgorithm", "size",
            "owner", "storageClass"})
    public static final class Contents {

        @XmlElement(name = "Key")
        private String key;

        @XmlElement(name = "LastModified")
        private Instant lastModified;

        @XmlElement(name = "ETag")
        private String eTag;

        @XmlElement(name = "ChecksumAlgorithm")
        private String checksumAlgorithm;

        @XmlElement(name = "Size")
        private Long size;

        @XmlElement(name = "Owner")
        private Owner owner;

        @XmlElement(name = "StorageClass")
        private String storageClass;

        private Contents() {
        }

        /** An entry; {@code eTag} is written as given, so it must carry its quotes ({@code "\"9b2c...\""}). */
        public Contents(String key, Instant lastModified, String eTag, long size, String storageClass) {
            this.key = key;
            this.lastModified = lastModified;
            this.eTag = eTag;
            this.size = size;
            this.storageClass = storageClass;
        }

        public String key() {
            return key;
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

        /** Set only when the listing was asked for owners ({@code fetch-owner=true} in V2, always in V1). */
        public Contents owner(Owner owner) {
            this.owner = owner;
            return this;
        }

        public String checksumAlgorithm() {
            return checksumAlgorithm;
        }

        public Contents checksumAlgorithm(String checksumAlgorithm) {
            this.checksumAlgorithm = checksumAlgorithm;
            return this;
        }
    }
}
