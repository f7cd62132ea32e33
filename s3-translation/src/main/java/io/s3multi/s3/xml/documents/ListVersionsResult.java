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
public final class ListVersionsResult extends ObjectListing<ListVersionsResult> {

    @XmlElement(name = "KeyMarker") private String keyMarker;
    @XmlElement(name = "VersionIdMarker") private String versionIdMarker;
    @XmlElement(name = "NextKeyMarker") private String nextKeyMarker;
    @XmlElement(name = "NextVersionIdMarker") private String nextVersionIdMarker;

    @XmlElements({
            @XmlElement(name = "Version", type = Version.class),
            @XmlElement(name = "DeleteMarker", type = DeleteMarker.class)
    })
    private List<Object> entries = new ArrayList<>();

    public ListVersionsResult() {
    }

    public ListVersionsResult(String bucket) {
        super(bucket);
    }

    public ListVersionsResult keyMarker(String keyMarker) {
        this.keyMarker = keyMarker;
        return this;
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

    /** One {@code <Version>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectVersion", propOrder = {"key", "versionId", "latest", "lastModified", "eTag",
            "checksumAlgorithm", "size", "storageClass", "owner"})
    public static final class Version extends ListedObject<Version> {

        @XmlElement(name = "VersionId") private String versionId;
        @XmlElement(name = "IsLatest") private Boolean latest;

        private Version() {
        }

        public Version(String key, String versionId, boolean latest, Instant lastModified, String eTag, long size,
                String storageClass) {
            super(key, lastModified, eTag, size, storageClass);
            this.versionId = versionId;
            this.latest = latest;
        }

        public String versionId() {
            return versionId;
        }

        public boolean isLatest() {
            return Boolean.TRUE.equals(latest);
        }
    }

    /** One {@code <DeleteMarker>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DeleteMarkerEntry", propOrder = {"key", "versionId", "latest", "lastModified", "owner"})
    public static final class DeleteMarker {

        @XmlElement(name = "Key") private String key;
        @XmlElement(name = "VersionId") private String versionId;
        @XmlElement(name = "IsLatest") private Boolean latest;
        @XmlElement(name = "LastModified") private Instant lastModified;
        @XmlElement(name = "Owner") private Owner owner;

        private DeleteMarker() {
        }

        public DeleteMarker(String key, String versionId, boolean latest, Instant lastModified, Owner owner) {
            this.key = key;
            this.versionId = versionId;
            this.latest = latest;
            this.lastModified = lastModified;
            this.owner = owner;
        }
    }
}
