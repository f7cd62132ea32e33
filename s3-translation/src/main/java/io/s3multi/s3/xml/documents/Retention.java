package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The body of PutObjectRetention and the answer to GetObjectRetention: {@code Mode} ({@code GOVERNANCE} or
 * {@code COMPLIANCE}) and {@code RetainUntilDate} (ISO-8601); both absent removes a retention. Kept as text; the
 * handler validates.
 */
@XmlRootElement(name = "Retention")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ObjectLockRetention", propOrder = {"mode", "retainUntilDate"})
public final class Retention {

    @XmlElement(name = "Mode") private String mode;
    @XmlElement(name = "RetainUntilDate") private String retainUntilDate;

    public Retention() {
    }

    public Retention(String mode, String retainUntilDate) {
        this.mode = mode;
        this.retainUntilDate = retainUntilDate;
    }

    public String mode() {
        return mode;
    }

    public String retainUntilDate() {
        return retainUntilDate;
    }
}
