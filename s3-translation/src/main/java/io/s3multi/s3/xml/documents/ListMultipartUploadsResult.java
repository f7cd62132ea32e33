package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import java.util.ArrayList;
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
public final class ListMultipartUploadsResult extends KeyListing<ListMultipartUploadsResult> {

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

    @XmlElement(name = "MaxUploads")
    private Integer maxUploads;

    @XmlElement(name = "Upload")
    private List<Upload> uploads = new ArrayList<>();

    private ListMultipartUploadsResult() {
    }

    public ListMultipartUploadsResult(String bucket) {
        this.bucket = bucket;
    }

    public ListMultipartUploadsResult keyMarker(String keyMarker) {
        this.keyMarker = keyMarker;
        return this;
    }

    public ListMultipartUploadsResult uploadIdMarker(String uploadIdMarker) {
        this.uploadIdMarker = uploadIdMarker;
        return this;
    }

    public ListMultipartUploadsResult nextKeyMarker(String nextKeyMarker) {
        this.nextKeyMarker = nextKeyMarker;
        return this;
    }

    public ListMultipartUploadsResult nextUploadIdMarker(String nextUploadIdMarker) {
        this.nextUploadIdMarker = nextUploadIdMarker;
        return this;
    }

    public ListMultipartUploadsResult maxUploads(Integer maxUploads) {
        this.maxUploads = maxUploads;
        return this;
    }

    public ListMultipartUploadsResult addUpload(Upload upload) {
        uploads.add(upload);
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

        public Upload checksumAlgorithm(String checksumAlgorithm) {
            this.checksumAlgorithm = checksumAlgorithm;
            return this;
        }
    }
}
