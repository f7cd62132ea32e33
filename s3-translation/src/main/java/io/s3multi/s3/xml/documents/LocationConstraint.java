package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * The answer to GetBucketLocation: {@code <LocationConstraint>region</LocationConstraint>}. For
 * {@code us-east-1} AWS answers an empty element; pass null (or use {@link #usEast1()}) for that.
 */
@XmlRootElement(name = "LocationConstraint")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "LocationConstraint")
public final class LocationConstraint {

    @XmlValue private String region;

    private LocationConstraint() {
    }

    public LocationConstraint(String region) {
        this.region = region;
    }

    /** The empty element that means {@code us-east-1}. */
    public static LocationConstraint usEast1() {
        return new LocationConstraint(null);
    }
}
