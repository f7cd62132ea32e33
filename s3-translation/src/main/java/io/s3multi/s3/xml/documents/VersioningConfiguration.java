package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The body of PutBucketVersioning and the answer to GetBucketVersioning. A bucket that was never versioned
 * answers an empty document (both fields null); {@code Status} is {@code Enabled} or {@code Suspended}.
 */
@XmlRootElement(name = "VersioningConfiguration")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "VersioningConfiguration", propOrder = {"status", "mfaDelete"})
public final class VersioningConfiguration {

    @XmlElement(name = "Status") private String status;
    @XmlElement(name = "MfaDelete") private String mfaDelete;

    public VersioningConfiguration() {
    }

    public VersioningConfiguration(String status) {
        this.status = status;
    }

    public String status() {
        return status;
    }

    public String mfaDelete() {
        return mfaDelete;
    }

    public VersioningConfiguration mfaDelete(String mfaDelete) {
        this.mfaDelete = mfaDelete;
        return this;
    }
}
