package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The elements that the listings by key share (ListObjects, ListObjectVersions, ListMultipartUploads):
 * {@code <Prefix>}, {@code <Delimiter>}, {@code <EncodingType>}, {@code <IsTruncated>} and the
 * {@code <CommonPrefixes>}. Not an element of its own ({@code @XmlTransient}): its fields become elements of each
 * subclass, at the place the subclass's {@code propOrder} puts them ({@code "prefix", "delimiter",
 * "encodingType", "truncated", "commonPrefixes"}), since AWS interleaves them differently in each listing.
 *
 * @param <S> the subclass, so that the setters can return it
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class KeyListing<S extends KeyListing<S>> {

    @XmlElement(name = "Prefix") private String prefix;
    @XmlElement(name = "Delimiter") private String delimiter;
    @XmlElement(name = "EncodingType") private String encodingType;
    @XmlElement(name = "IsTruncated") private Boolean truncated;
    @XmlElement(name = "CommonPrefixes") private List<CommonPrefix> commonPrefixes = new ArrayList<>();

    public S prefix(String prefix) {
        this.prefix = prefix;
        return self();
    }

    public S delimiter(String delimiter) {
        this.delimiter = delimiter;
        return self();
    }

    public String encodingType() {
        return encodingType;
    }

    public S encodingType(String encodingType) {
        this.encodingType = encodingType;
        return self();
    }

    public boolean isTruncated() {
        return Boolean.TRUE.equals(truncated);
    }

    public S truncated(boolean truncated) {
        this.truncated = truncated;
        return self();
    }

    public List<CommonPrefix> commonPrefixes() {
        return Collections.unmodifiableList(commonPrefixes);
    }

    public S addCommonPrefix(String prefix) {
        commonPrefixes.add(new CommonPrefix(prefix));
        return self();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
