package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.time.Instant;

/**
 * An object as a listing shows it ({@code <Contents>} of ListObjects, {@code <Version>} of ListObjectVersions):
 * {@code <Key>}, {@code <LastModified>}, {@code <ETag>}, {@code <ChecksumAlgorithm>}, {@code <Size>},
 * {@code <StorageClass>} and {@code <Owner>}, in the order of the subclass's {@code propOrder}
 * ({@code @XmlTransient}, as {@link KeyListing}).
 *
 * @param <S> the subclass, so that the setters can return it
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class ListedObject<S extends ListedObject<S>> {

    @XmlElement(name = "Key") private String key;
    @XmlElement(name = "LastModified") private Instant lastModified;
    @XmlElement(name = "ETag") private String eTag;
    @XmlElement(name = "ChecksumAlgorithm") private String checksumAlgorithm;
    @XmlElement(name = "Size") private Long size;
    @XmlElement(name = "StorageClass") private String storageClass;
    @XmlElement(name = "Owner") private Owner owner;

    ListedObject() {
    }

    /** {@code eTag} is written as given, so it must carry its quotes ({@code "\"9b2c...\""}). */
    ListedObject(String key, Instant lastModified, String eTag, long size, String storageClass) {
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
    public S owner(Owner owner) {
        this.owner = owner;
        return self();
    }

    public S checksumAlgorithm(String checksumAlgorithm) {
        this.checksumAlgorithm = checksumAlgorithm;
        return self();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
