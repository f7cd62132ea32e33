package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of Put(Object|Bucket)Tagging and the answer to the matching Get: a set of key/value tags.
 *
 * <p>{@code TagSet} is required: a body without it reads as {@link #tagSet()} {@code null}, an empty
 * {@code <TagSet/>} as an empty list, so the caller can tell a malformed body from an empty tag set.
 */
@XmlRootElement(name = "Tagging")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Tagging", propOrder = {"tagSet"})
public final class Tagging {

    @XmlElement(name = "TagSet") private TagSet tagSet = new TagSet();

    public Tagging() {
    }

    public Tagging addTag(String key, String value) {
        tagSet.tags.add(new Tag(key, value));
        return this;
    }

    /** The tags, read-only; {@code null} when the document has no {@code TagSet}. */
    public List<Tag> tagSet() {
        return tagSet == null ? null : Collections.unmodifiableList(tagSet.tags);
    }

    /** Reading starts without a {@code TagSet}, so that a body without one is told from an empty one. */
    @SuppressWarnings("unused")
    private void beforeUnmarshal(jakarta.xml.bind.Unmarshaller unmarshaller, Object parent) {
        tagSet = null;
    }

    /** {@code <TagSet>}: the repeated {@code <Tag>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "TagSet", propOrder = {"tags"})
    static final class TagSet {

        @XmlElement(name = "Tag") private List<Tag> tags = new ArrayList<>();
    }

    /** One {@code <Tag>}; a missing {@code Key} or {@code Value} reads as {@code null}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Tag", propOrder = {"key", "value"})
    public static final class Tag {

        @XmlElement(name = "Key") private String key;
        @XmlElement(name = "Value") private String value;

        private Tag() {
        }

        public Tag(String key, String value) {
            this.key = key;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public String value() {
            return value;
        }
    }
}
