package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of CompleteMultipartUpload: the parts, by number and ETag (and checksum), that make the object.
 *
 * <p>Only the form is checked here. Whether numbers are within 1..10000 and ascending, whether the ETags match
 * stored parts, and whether the list is empty, is for the handler to decide, with the codes AWS uses for each.
 */
@XmlRootElement(name = "CompleteMultipartUpload")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CompleteMultipartUpload", propOrder = {"parts"})
public final class CompleteMultipartUpload {

    @XmlElement(name = "Part") private List<Part> parts = new ArrayList<>();

    public CompleteMultipartUpload() {
    }

    /** The parts in the order the client listed them. */
    public List<Part> parts() {
        return Collections.unmodifiableList(parts);
    }

    public CompleteMultipartUpload addPart(int partNumber, String eTag) {
        parts.add(new Part(partNumber, eTag));
        return this;
    }

    /** One {@code <Part>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CompletedPart", propOrder = {"partNumber", "eTag", "checksumCrc32", "checksumCrc32c",
            "checksumCrc64nvme", "checksumSha1", "checksumSha256"})
    public static final class Part extends ChecksumFields<Part> {

        @XmlElement(name = "PartNumber") private String partNumber;
        @XmlElement(name = "ETag") private String eTag;

        private Part() {
        }

        public Part(int partNumber, String eTag) {
            this.partNumber = Integer.toString(partNumber);
            this.eTag = eTag;
        }

        /**
         * The part number as sent; range checks are the caller's.
         *
         * @throws io.s3multi.s3.error.S3Exception MalformedXML when missing or not an {@code xs:int}
         */
        public int partNumber() {
            return XmlNumbers.parseInt(partNumber, "PartNumber");
        }

        /** The ETag as sent, quotes included when the client sent them; null when missing. */
        public String eTag() {
            return eTag;
        }
    }
}
