package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * What ListMultipartUploads says of each upload ({@code <Upload>}) and ListParts of its one upload: {@code <Key>},
 * {@code <UploadId>}, {@code <Initiator>}, {@code <Owner>}, {@code <StorageClass>} and
 * {@code <ChecksumAlgorithm>}, in the order of the subclass's {@code propOrder} ({@code @XmlTransient}, as
 * {@link KeyListing}).
 *
 * @param <S> the subclass, so that the setters can return it
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class UploadDescription<S extends UploadDescription<S>> {

    @XmlElement(name = "Key") private String key;
    @XmlElement(name = "UploadId") private String uploadId;
    @XmlElement(name = "Initiator") private Owner initiator;
    @XmlElement(name = "Owner") private Owner owner;
    @XmlElement(name = "StorageClass") private String storageClass;
    @XmlElement(name = "ChecksumAlgorithm") private String checksumAlgorithm;

    UploadDescription() {
    }

    UploadDescription(String key, String uploadId) {
        this.key = key;
        this.uploadId = uploadId;
    }

    public final S initiator(Owner initiator) {
        this.initiator = initiator;
        return self();
    }

    public final S owner(Owner owner) {
        this.owner = owner;
        return self();
    }

    public final S storageClass(String storageClass) {
        this.storageClass = storageClass;
        return self();
    }

    public final S checksumAlgorithm(String checksumAlgorithm) {
        this.checksumAlgorithm = checksumAlgorithm;
        return self();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
