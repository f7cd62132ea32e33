package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** One {@code <CommonPrefixes><Prefix>...</Prefix></CommonPrefixes>} entry of a delimited listing. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CommonPrefix")
public final class CommonPrefix {

    @XmlElement(name = "Prefix") private String prefix;

    private CommonPrefix() {
    }

    public CommonPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
