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

    @XmlElement(name = "Bucket") private String bucket;
    @XmlElement(name = "KeyMarker") private String keyMarker;
    @XmlElement(name = "UploadIdMarker") private String uploadIdMarker;
    @XmlElement(name = "NextKeyMarker") private String nextKeyMarker;
    @XmlElement(name = "NextUploadIdMarker") private String nextUploadIdMarker;
    @XmlElement(name = "MaxUploads") private Integer maxUploads;
    @XmlElement(name = "Upload") private List<Upload> uploads = new ArrayList<>();

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
    public static final class Upload extends UploadDescription<Upload> {

        @XmlElement(name = "Initiated") private Instant initiated;

        private Upload() {
        }

        public Upload(String key, String uploadId, Owner initiator, Owner owner, String storageClass,
                Instant initiated) {
            super(key, uploadId);
            initiator(initiator).owner(owner).storageClass(storageClass);
            this.initiated = initiated;
        }
    }
}
