package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of PutBucketLifecycleConfiguration (and of the older PutBucketLifecycle, whose rules name a top-level
 * {@code <Prefix>} instead of a {@code <Filter>}) and the answer to GetBucketLifecycleConfiguration. Plain data,
 * every element optional as read; what a valid configuration is, is {@code io.s3multi.s3.lifecycle}'s.
 */
@XmlRootElement(name = "LifecycleConfiguration")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "LifecycleConfiguration", propOrder = {"rules"})
public final class LifecycleConfigurationDocument {

    @XmlElement(name = "Rule") private List<Rule> rules = new ArrayList<>();

    public LifecycleConfigurationDocument() {
    }

    public LifecycleConfigurationDocument(List<Rule> rules) {
        this.rules = new ArrayList<>(rules);
    }

    public List<Rule> rules() {
        return rules == null ? List.of() : rules;
    }

    /** One {@code <Rule>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "LifecycleRule", propOrder = {"expiration", "id", "filter", "prefix", "status", "transitions",
            "noncurrentVersionTransitions", "noncurrentVersionExpiration", "abortIncompleteMultipartUpload"})
    public static final class Rule {
        @XmlElement(name = "Expiration") public Expiration expiration;
        @XmlElement(name = "ID") public String id;
        @XmlElement(name = "Status", required = true) public String status;
        @XmlElement(name = "Filter") public Filter filter;
        /** The older form's (PutBucketLifecycle's) filter: a prefix instead of a {@code <Filter>}. */
        @XmlElement(name = "Prefix") public String prefix;
        /** Read only to be refused: the gateway has one storage class. */
        @XmlElement(name = "Transition") public List<Transition> transitions = new ArrayList<>();
        @XmlElement(name = "NoncurrentVersionTransition") public List<Transition> noncurrentVersionTransitions =
                new ArrayList<>();
        @XmlElement(name = "NoncurrentVersionExpiration") public NoncurrentVersionExpiration
                noncurrentVersionExpiration;
        @XmlElement(name = "AbortIncompleteMultipartUpload") public AbortIncompleteMultipartUpload
                abortIncompleteMultipartUpload;

        /** Its {@code <Transition>}s and {@code <NoncurrentVersionTransition>}s. */
        public List<Transition> allTransitions() {
            List<Transition> all = new ArrayList<>(transitions == null ? List.of() : transitions);
            all.addAll(noncurrentVersionTransitions == null ? List.of() : noncurrentVersionTransitions);
            return all;
        }
    }

    /** {@code <Filter>}, also the element type of {@code <And>} (which has no {@code <And>} of its own). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "LifecycleRuleFilter", propOrder = {"prefix", "tags", "objectSizeGreaterThan",
            "objectSizeLessThan", "and"})
    public static final class Filter {
        @XmlElement(name = "Prefix") public String prefix;
        @XmlElement(name = "Tag") public List<Tag> tags = new ArrayList<>();
        @XmlElement(name = "ObjectSizeGreaterThan") public Long objectSizeGreaterThan;
        @XmlElement(name = "ObjectSizeLessThan") public Long objectSizeLessThan;
        @XmlElement(name = "And") public Filter and;
    }

    /** {@code <Tag>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "LifecycleTag", propOrder = {"key", "value"})
    public static final class Tag {
        @XmlElement(name = "Key") public String key;
        @XmlElement(name = "Value") public String value;
    }

    /** {@code <Transition>} or {@code <NoncurrentVersionTransition>}: read only to be refused. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "LifecycleTransition", propOrder = {"storageClass"})
    public static final class Transition {
        @XmlElement(name = "StorageClass") public String storageClass;
    }

    /** {@code <Expiration>}: a date, days, or the expired-delete-marker flag. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "LifecycleExpiration", propOrder = {"date", "days", "expiredObjectDeleteMarker"})
    public static final class Expiration {
        @XmlElement(name = "Date") public String date;
        @XmlElement(name = "Days") public Integer days;
        @XmlElement(name = "ExpiredObjectDeleteMarker") public Boolean expiredObjectDeleteMarker;
    }

    /** {@code <NoncurrentVersionExpiration>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "NoncurrentVersionExpiration", propOrder = {"noncurrentDays", "newerNoncurrentVersions"})
    public static final class NoncurrentVersionExpiration {
        @XmlElement(name = "NoncurrentDays") public Integer noncurrentDays;
        @XmlElement(name = "NewerNoncurrentVersions") public Integer newerNoncurrentVersions;
    }

    /** {@code <AbortIncompleteMultipartUpload>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "AbortIncompleteMultipartUpload", propOrder = {"daysAfterInitiation"})
    public static final class AbortIncompleteMultipartUpload {
        @XmlElement(name = "DaysAfterInitiation") public Integer daysAfterInitiation;
    }
}
