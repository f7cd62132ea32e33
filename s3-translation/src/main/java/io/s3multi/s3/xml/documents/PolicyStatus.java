package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The answer to GetBucketPolicyStatus: whether the bucket policy makes the bucket public. */
@XmlRootElement(name = "PolicyStatus")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "PolicyStatus", propOrder = {"isPublic"})
public final class PolicyStatus {

    @XmlElement(name = "IsPublic") private boolean isPublic;

    public PolicyStatus() {
    }

    public PolicyStatus(boolean isPublic) {
        this.isPublic = isPublic;
    }

    public boolean isPublic() {
        return isPublic;
    }
}
