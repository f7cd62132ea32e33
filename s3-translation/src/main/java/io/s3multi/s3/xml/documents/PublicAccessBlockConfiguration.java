package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The body of PutPublicAccessBlock and the answer to GetPublicAccessBlock: four switches, each {@code true} or
 * {@code false} (absent: {@code false}). Kept as text, read strictly by {@code PublicAccessBlockXml}.
 */
@XmlRootElement(name = "PublicAccessBlockConfiguration")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "PublicAccessBlockConfiguration",
        propOrder = {"blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"})
public final class PublicAccessBlockConfiguration {

    @XmlElement(name = "BlockPublicAcls") private String blockPublicAcls;
    @XmlElement(name = "IgnorePublicAcls") private String ignorePublicAcls;
    @XmlElement(name = "BlockPublicPolicy") private String blockPublicPolicy;
    @XmlElement(name = "RestrictPublicBuckets") private String restrictPublicBuckets;

    public PublicAccessBlockConfiguration() {
    }

    public PublicAccessBlockConfiguration(boolean blockPublicAcls, boolean ignorePublicAcls,
                                          boolean blockPublicPolicy, boolean restrictPublicBuckets) {
        this.blockPublicAcls = Boolean.toString(blockPublicAcls);
        this.ignorePublicAcls = Boolean.toString(ignorePublicAcls);
        this.blockPublicPolicy = Boolean.toString(blockPublicPolicy);
        this.restrictPublicBuckets = Boolean.toString(restrictPublicBuckets);
    }

    public String blockPublicAcls() {
        return blockPublicAcls;
    }

    public String ignorePublicAcls() {
        return ignorePublicAcls;
    }

    public String blockPublicPolicy() {
        return blockPublicPolicy;
    }

    public String restrictPublicBuckets() {
        return restrictPublicBuckets;
    }
}
