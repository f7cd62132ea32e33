package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * What the two listings of a bucket's objects (ListObjects and ListObjectVersions) add to {@link KeyListing}:
 * the bucket's {@code <Name>} and {@code <MaxKeys>} ({@code "name"} and {@code "maxKeys"} in the subclass's
 * {@code propOrder}).
 *
 * @param <S> the subclass, so that the setters can return it
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class ObjectListing<S extends ObjectListing<S>> extends KeyListing<S> {

    @XmlElement(name = "Name") private String name;
    @XmlElement(name = "MaxKeys") private Integer maxKeys;

    ObjectListing() {
    }

    ObjectListing(String bucket) {
        this.name = bucket;
    }

    public Integer maxKeys() {
        return maxKeys;
    }

    @SuppressWarnings("unchecked")
    public S maxKeys(Integer maxKeys) {
        this.maxKeys = maxKeys;
        return (S) this;
    }
}
