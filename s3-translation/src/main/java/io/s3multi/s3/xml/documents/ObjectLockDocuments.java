package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The Object Lock documents, bodies and answers alike. Values are kept as the text the client sent (fields, no
 * conversion): the handlers validate them, so that a bad value is AWS's error ({@code MalformedXML},
 * {@code InvalidArgument}), not an XML binding failure.
 */
public final class ObjectLockDocuments {

    private ObjectLockDocuments() {
    }

    /**
     * PutObjectLockConfiguration, GetObjectLockConfiguration: {@code <ObjectLockEnabled>Enabled</ObjectLockEnabled>}
     * and an optional {@code <Rule><DefaultRetention>} with {@code Mode} and {@code Days} or {@code Years}.
     */
    @XmlRootElement(name = "ObjectLockConfiguration")
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectLockConfiguration", propOrder = {"objectLockEnabled", "rule"})
    public static final class Configuration {
        @XmlElement(name = "ObjectLockEnabled") public String objectLockEnabled;
        @XmlElement(name = "Rule") public Rule rule;
    }

    /** {@code <Rule>}: holds the default retention. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectLockRule")
    public static final class Rule {
        @XmlElement(name = "DefaultRetention") public DefaultRetention defaultRetention;
    }

    /** {@code <DefaultRetention>}: a mode and a period in days or years. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DefaultRetention", propOrder = {"mode", "days", "years"})
    public static final class DefaultRetention {
        @XmlElement(name = "Mode") public String mode;
        @XmlElement(name = "Days") public String days;
        @XmlElement(name = "Years") public String years;
    }

    /** PutObjectRetention, GetObjectRetention: {@code Mode} and {@code RetainUntilDate}; neither removes one. */
    @XmlRootElement(name = "Retention")
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectLockRetention", propOrder = {"mode", "retainUntilDate"})
    public static final class Retention {
        @XmlElement(name = "Mode") public String mode;
        @XmlElement(name = "RetainUntilDate") public String retainUntilDate;
    }

    /** PutObjectLegalHold, GetObjectLegalHold: {@code <Status>ON</Status>} or {@code OFF}. */
    @XmlRootElement(name = "LegalHold")
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectLockLegalHold")
    public static final class LegalHold {
        @XmlElement(name = "Status") public String status;
    }
}
