package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The answer to CreateMultipartUpload: the bucket, the key and the new upload id. */
@XmlRootElement(name = "InitiateMultipartUploadResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "InitiateMultipartUploadResult", propOrder = {"bucket", "key", "uploadId"})
public final class InitiateMultipartUploadResult {

    @XmlElement(name = "Bucket") private String bucket;
    @XmlElement(name = "Key") private String key;
    @XmlElement(name = "UploadId") private String uploadId;

    private InitiateMultipartUploadResult() {
    }

    public InitiateMultipartUploadResult(String bucket, String key, String uploadId) {
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
    }
}
