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
 * The answer to ListMultipartUploads: one page of uploads in progress, ordered by key and, for one key, by
 * initiation time.
 */
@XmlRootElement(name = "ListMultipartUploadsResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ListMultipartUploadsResult", propOrder = {"bucket", "keyMarker", "uploadIdMarker", "nextKeyMarker",
        "nextUploadIdMarker", "delimiter", "prefix", "encodingType", "maxUploads", "truncated", "uploads",
        "commonPrefixes"})
public final class ListMultipartUploadsResult {

    @XmlElement(name = "Bucket")
    private String bucket;

    @XmlElement(name = "KeyMarker")
    private String keyMarker;

    @XmlElement(name = "UploadIdMarker")
    private String uploadIdMarker;

    @XmlElement(name = "NextKeyMarker")
    private String nextKeyMarker;

    @XmlElement(name = "NextUploadIdMarker")
    private String nextUploadIdMarker;

    @XmlElement(name = "Delimiter")
    private String delimiter;

    @XmlElement(name = "Prefix")
    private String prefix;

    @XmlElement(name = "EncodingType")
    private String encodingType;

    @XmlElement(name = "MaxUploads")
    private Integer maxUploads;

    @XmlElement(name = "IsTruncated")
    private Boolean truncated;

    @XmlElement(name = "Upload")
    private List<Upload> uploads = new ArrayList<>();

    @XmlElement(name = "CommonPrefixes")
    private List<CommonPrefix> commonPrefixes = new ArrayList<>();

    private ListMultipartUploadsResult() {
    }

    public ListMultipartUploadsResult(String bucket) {
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    public String keyMarker() {
        return keyMarker;
    }

    public ListMultipartUploadsResult keyMarker(String keyMarker) {
        this.keyMarker = keyMarker;
        return this;
    }

    public String uploadIdMarker() {
        return uploadIdMarker;
    }

    public ListMultipartUploadsResult uploadIdMarker(String uploadIdMarker) {
        this.uploadIdMarker = uploadIdMarker;
        return this;
    }

    public String nextKeyMarker() {
        return nextKeyMarker;
    }

    public ListMultipartUploadsResult nextKeyMarker(String nextKeyMarker) {
        this.nextKeyMarker = nextKeyMarker;
        return this;
    }

    public String nextUploadIdMarker() {
        return nextUploadIdMarker;
    }

    public ListMultipartUploadsResult nextUploadIdMarker(String nextUploadIdMarker) {
        this.nextUploadIdMarker = nextUploadIdMarker;
        return this;
    }

    public String delimiter() {
        return delimiter;
    }

    public ListMultipartUploadsResult delimiter(String delimiter) {
        this.delimiter = delimiter;
        return this;
    }

    public String prefix() {
        return prefix;
    }

    public ListMultipartUploadsResult prefix(String prefix) {
        this.prefix = prefix;
        return this;
    }

    public String encodingType() {
        return encodingType;
    }

    public ListMultipartUploadsResult encodingType(String encodingType) {
        this.encodingType = encodingType;
        return this;
    }

    public Integer maxUploads() {
        return maxUploads;
    }

    public ListMultipartUploadsResult maxUploads(Integer maxUploads) {
        this.maxUploads = maxUploads;
        return this;
    }

    public boolean isTruncated() {
        return Boolean.TRUE.equals(truncated);
    }

    public ListMultipartUploadsResult truncated(boolean truncated) {
        this.truncated = truncated;
        return this;
    }

    public List<Upload> uploads() {
        return Collections.unmodifiableList(uploads);
    }

    public ListMultipartUploadsResult addUpload(Upload upload) {
        uploads.add(upload);
        return this;
    }

    public List<CommonPrefix> commonPrefixes() {
        return Collections.unmodifiableList(commonPrefixes);
    }

    public ListMultipartUploadsResult addCommonPrefix(String prefix) {
        commonPrefixes.add(new CommonPrefix(prefix));
        return this;
    }

    /** One {@code <Upload>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "MultipartUpload", propOrder = {"key", "uploadId", "initiator", "owner", "storageClass",
            "initiated", "checksumAlgorithm"})
    public static final class Upload {

        @XmlElement(name = "Key")
        private String key;

        @XmlElement(name = "UploadId")
        private String uploadId;

        @XmlElement(name = "Initiator")
        private Owner initiator;

        @XmlElement(name = "Owner")
        private Owner owner;

        @XmlElement(name = "StorageClass")
        private String storageClass;

        @XmlElement(name = "Initiated")
        private Instant initiated;

        @XmlElement(name = "ChecksumAlgorithm")
        private String checksumAlgorithm;

        private Upload() {
        }

        public Upload(String key, String uploadId, Owner initiator, Owner owner, String storageClass,
                Instant initiated) {
            this.key = key;
            this.uploadId = uploadId;
            this.initiator = initiator;
            this.owner = owner;
            this.storageClass = storageClass;
            this.initiated = initiated;
        }

        public String key() {
            return key;
        }

        public String uploadId() {
            return uploadId;
        }

        public Owner initiator() {
            return initiator;
        }

        public Owner owner() {
            return owner;
        }

        public String storageClass() {
            return storageClass;
        }

        public Instant initiated() {
            return initiated;
        }

        public String checksumAlgorithm() {
            return checksumAlgorithm;
        }

        public Upload checksumAlgorithm(String checksumAlgorithm) {
            this.checksumAlgorithm = checksumAlgorithm;
            return this;
        }
    }
}
