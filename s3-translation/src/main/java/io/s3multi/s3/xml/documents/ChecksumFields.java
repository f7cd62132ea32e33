package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <ChecksumCRC32>}, {@code <ChecksumCRC32C>}, {@code <ChecksumCRC64NVME>}, {@code <ChecksumSHA1>}
 * and {@code <ChecksumSHA256>} elements that parts, copies and completed uploads share (base64 values).
 *
 * <p>Algorithms are named as in {@code x-amz-checksum-algorithm}: {@code CRC32}, {@code CRC32C},
 * {@code CRC64NVME}, {@code SHA1}, {@code SHA256}. This class is not an element of its own ({@code @XmlTransient}):
 * its fields become elements of each subclass, at the place the subclass's {@code propOrder} puts them
 * ({@code "checksumCrc32", "checksumCrc32c", "checksumCrc64nvme", "checksumSha1", "checksumSha256"}).
 *
 * @param <S> the subclass, so that {@link #checksum(String, String)} can return it
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class ChecksumFields<S extends ChecksumFields<S>> {

    @XmlElement(name = "ChecksumCRC32") private String checksumCrc32;
    @XmlElement(name = "ChecksumCRC32C") private String checksumCrc32c;
    @XmlElement(name = "ChecksumCRC64NVME") private String checksumCrc64nvme;
    @XmlElement(name = "ChecksumSHA1") private String checksumSha1;
    @XmlElement(name = "ChecksumSHA256") private String checksumSha256;

    /**
     * Sets the checksum of one algorithm.
     *
     * @throws IllegalArgumentException for an algorithm name S3 does not define
     */
    public S checksum(String algorithm, String base64Value) {
        switch (algorithm) {
            case "CRC32" -> checksumCrc32 = base64Value;
            case "CRC32C" -> checksumCrc32c = base64Value;
            case "CRC64NVME" -> checksumCrc64nvme = base64Value;
            case "SHA1" -> checksumSha1 = base64Value;
            case "SHA256" -> checksumSha256 = base64Value;
            default -> throw new IllegalArgumentException("not an S3 checksum algorithm: " + algorithm);
        }
        return self();
    }

    /** The checksum of one algorithm, or null when the document has none. */
    public String checksum(String algorithm) {
        return checksums().get(algorithm);
    }

    /** Every checksum present, by algorithm name. */
    public Map<String, String> checksums() {
        var present = new LinkedHashMap<String, String>();
        putIfPresent(present, "CRC32", checksumCrc32);
        putIfPresent(present, "CRC32C", checksumCrc32c);
        putIfPresent(present, "CRC64NVME", checksumCrc64nvme);
        putIfPresent(present, "SHA1", checksumSha1);
        putIfPresent(present, "SHA256", checksumSha256);
        return present;
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    private static void putIfPresent(Map<String, String> map, String algorithm, String value) {
        if (value != null) {
            map.put(algorithm, value);
        }
    }
}
