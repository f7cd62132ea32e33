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
public final class ListBucketResult extends ObjectListing<ListBucketResult> {

    @XmlElement(name = "Marker") private String marker;
    @XmlElement(name = "NextMarker") private String nextMarker;
    @XmlElement(name = "ContinuationToken") private String continuationToken;
    @XmlElement(name = "NextContinuationToken") private String nextContinuationToken;
    @XmlElement(name = "StartAfter") private String startAfter;
    @XmlElement(name = "KeyCount") private Integer keyCount;
    @XmlElement(name = "Contents") private List<Contents> contents = new ArrayList<>();

    public ListBucketResult() {
    }

    public ListBucketResult(String bucket) {
        super(bucket);
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

    public List<Contents> contents() {
        return Collections.unmodifiableList(contents);
    }

    public ListBucketResult addContents(Contents entry) {
        contents.add(entry);
        return this;
    }

    /** One {@code <Contents>}: a key and what the listing says about it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ListedObject", propOrder = {"key", "lastModified", "eTag", "checksumAlgorithm", "size",
            "owner", "storageClass"})
    public static final class Contents extends ListedObject<Contents> {

        private Contents() {
        }

        /** An entry; {@code eTag} is written as given, so it must carry its quotes ({@code "\"9b2c...\""}). */
        public Contents(String key, Instant lastModified, String eTag, long size, String storageClass) {
            super(key, lastModified, eTag, size, storageClass);
        }
    }
}
