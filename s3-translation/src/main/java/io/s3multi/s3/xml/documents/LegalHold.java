package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The body of PutObjectLegalHold and the answer to GetObjectLegalHold: {@code <Status>ON</Status>} or {@code OFF}. */
@XmlRootElement(name = "LegalHold")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ObjectLockLegalHold")
public final class LegalHold {

    @XmlElement(name = "Status") private String status;

    public LegalHold() {
    }

    public LegalHold(String status) {
        this.status = status;
    }

    public String status() {
        return status;
    }
}
