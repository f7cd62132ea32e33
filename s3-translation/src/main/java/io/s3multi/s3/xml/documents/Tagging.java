package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The body of Put(Object|Bucket)Tagging and the answer to the matching Get: a set of key/value tags. */
@XmlRootElement(name = "Tagging")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Tagging", propOrder = {"tags"})
public final class Tagging {

    @XmlElementWrapper(name = "TagSet") @XmlElement(name = "Tag") private List<Tag> tags = new ArrayList<>();

    public Tagging() {
    }

    public Tagging addTag(String key, String value) {
        tags.add(new Tag(key, value));
        return this;
    }

    /** One {@code <Tag>}. */
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
    }
}
