package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to ListBuckets: the owner and the buckets (Swift containers) it owns; for a paginated request also
 * the {@code Prefix} it asked for and, when more buckets follow, the {@code ContinuationToken} of the next page.
 */
@XmlRootElement(name = "ListAllMyBucketsResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ListAllMyBucketsResult", propOrder = {"owner", "buckets", "prefix", "continuationToken"})
public final class ListAllMyBucketsResult {

    @XmlElement(name = "Owner") private Owner owner;
    @XmlElementWrapper(name = "Buckets") @XmlElement(name = "Bucket") private List<Bucket> buckets = new ArrayList<>();
    @XmlElement(name = "Prefix") private String prefix;
    @XmlElement(name = "ContinuationToken") private String continuationToken;

    public ListAllMyBucketsResult() {
    }

    public ListAllMyBucketsResult(Owner owner) {
        this.owner = owner;
    }

    public ListAllMyBucketsResult addBucket(String name, Instant creationDate) {
        buckets.add(new Bucket(name, creationDate));
        return this;
    }

    /** The prefix a paginated request asked for; null (not written) when it asked for none. */
    public ListAllMyBucketsResult prefix(String value) {
        this.prefix = value;
        return this;
    }

    /** Where the next page starts; null (not written) on the last page. */
    public ListAllMyBucketsResult continuationToken(String value) {
        this.continuationToken = value;
        return this;
    }

    public String continuationToken() {
        return continuationToken;
    }

    /** One {@code <Bucket>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ListedBucket", propOrder = {"name", "creationDate"})
    public static final class Bucket {

        @XmlElement(name = "Name") private String name;
        @XmlElement(name = "CreationDate") private Instant creationDate;

        private Bucket() {
        }

        public Bucket(String name, Instant creationDate) {
            this.name = name;
            this.creationDate = creationDate;
        }
    }
}
