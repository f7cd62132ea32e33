package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The optional body of CreateBucket; the gateway reads the region, newer elements are ignored. */
@XmlRootElement(name = "CreateBucketConfiguration")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CreateBucketConfiguration", propOrder = {"locationConstraint"})
public final class CreateBucketConfiguration {

    @XmlElement(name = "LocationConstraint") private String locationConstraint;

    public CreateBucketConfiguration() {
    }

    public CreateBucketConfiguration(String locationConstraint) {
        this.locationConstraint = locationConstraint;
    }

    /** The requested region, or null when the body names none. */
    public String locationConstraint() {
        return locationConstraint;
    }
}
