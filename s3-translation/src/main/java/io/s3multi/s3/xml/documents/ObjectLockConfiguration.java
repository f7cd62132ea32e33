package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The body of PutObjectLockConfiguration and the answer to GetObjectLockConfiguration:
 * {@code <ObjectLockEnabled>Enabled</ObjectLockEnabled>} and an optional {@code <Rule><DefaultRetention>} with a
 * {@code Mode} and {@code Days} or {@code Years}. Values are kept as text; the handler validates them.
 */
@XmlRootElement(name = "ObjectLockConfiguration")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ObjectLockConfiguration", propOrder = {"objectLockEnabled", "rule"})
public final class ObjectLockConfiguration {

    @XmlElement(name = "ObjectLockEnabled") private String objectLockEnabled;
    @XmlElement(name = "Rule") private Rule rule;

    public ObjectLockConfiguration() {
    }

    public ObjectLockConfiguration(String objectLockEnabled, Rule rule) {
        this.objectLockEnabled = objectLockEnabled;
        this.rule = rule;
    }

    public String objectLockEnabled() {
        return objectLockEnabled;
    }

    public Rule rule() {
        return rule;
    }

    /** {@code <Rule>}: holds the default retention. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectLockRule")
    public static final class Rule {

        @XmlElement(name = "DefaultRetention") private DefaultRetention defaultRetention;

        public Rule() {
        }

        public Rule(DefaultRetention defaultRetention) {
            this.defaultRetention = defaultRetention;
        }

        public DefaultRetention defaultRetention() {
            return defaultRetention;
        }
    }

    /** {@code <DefaultRetention>}: a mode and a period in days or years. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DefaultRetention", propOrder = {"mode", "days", "years"})
    public static final class DefaultRetention {

        @XmlElement(name = "Mode") private String mode;
        @XmlElement(name = "Days") private String days;
        @XmlElement(name = "Years") private String years;

        public DefaultRetention() {
        }

        public DefaultRetention(String mode, String days, String years) {
            this.mode = mode;
            this.days = days;
            this.years = years;
        }

        public String mode() {
            return mode;
        }

        public String days() {
            return days;
        }

        public String years() {
            return years;
        }
    }
}
