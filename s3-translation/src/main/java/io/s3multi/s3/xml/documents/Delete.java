package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The body of DeleteObjects: up to 1,000 keys (the handler enforces the count) and the quiet flag. */
@XmlRootElement(name = "Delete")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Delete", propOrder = {"quiet", "objects"})
public final class Delete {

    @XmlElement(name = "Quiet") private String quiet;
    @XmlElement(name = "Object") private List<ObjectIdentifier> objects = new ArrayList<>();

    public Delete() {
    }

    /**
     * Whether only failures should be reported.
     *
     * @throws io.s3multi.s3.error.S3Exception MalformedXML when {@code <Quiet>} is not a boolean
     */
    public boolean isQuiet() {
        return XmlNumbers.parseBoolean(quiet, "Quiet");
    }

    public Delete quiet(boolean quiet) {
        this.quiet = Boolean.toString(quiet);
        return this;
    }

    public List<ObjectIdentifier> objects() {
        return Collections.unmodifiableList(objects);
    }

    public Delete addObject(String key, String versionId) {
        objects.add(new ObjectIdentifier(key, versionId));
        return this;
    }

    /** One {@code <Object>}: a key and, optionally, a version id and the ETag it must have to be deleted. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ObjectIdentifier", propOrder = {"key", "versionId", "etag"})
    public static final class ObjectIdentifier {

        @XmlElement(name = "Key") private String key;
        @XmlElement(name = "VersionId") private String versionId;
        @XmlElement(name = "ETag") private String etag;

        private ObjectIdentifier() {
        }

        public ObjectIdentifier(String key, String versionId) {
            this.key = key;
            this.versionId = versionId;
        }

        /** The key, or null when the client left {@code <Key>} out. */
        public String key() {
            return key;
        }

        public String versionId() {
            return versionId;
        }

        /** The {@code <ETag>} of a conditional delete (as DeleteObject's {@code If-Match}), or null. */
        public String etag() {
            return etag;
        }
    }
}
