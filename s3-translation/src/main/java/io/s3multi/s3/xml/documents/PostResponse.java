package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The answer to a browser form upload (PostObject) that asked for {@code success_action_status} 201. */
@XmlRootElement(name = "PostResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "PostResponse", propOrder = {"location", "bucket", "key", "eTag"})
public final class PostResponse {

    @XmlElement(name = "Location") private String location;
    @XmlElement(name = "Bucket") private String bucket;
    @XmlElement(name = "Key") private String key;
    @XmlElement(name = "ETag") private String eTag;

    private PostResponse() {
    }

    /** {@code location} is the object's URL; {@code eTag} is written as given, with its quotes. */
    public PostResponse(String location, String bucket, String key, String eTag) {
        this.location = location;
        this.bucket = bucket;
        this.key = key;
        this.eTag = eTag;
    }
}
