package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <Owner>} or {@code <Initiator>}: an account or user, by id and display name. Both elements have this
 * shape; the enclosing document decides the element name.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CanonicalUser", propOrder = {"id", "displayName"})
public final class Owner {

    @XmlElement(name = "ID") private String id;
    @XmlElement(name = "DisplayName") private String displayName;

    private Owner() {
    }

    public Owner(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
