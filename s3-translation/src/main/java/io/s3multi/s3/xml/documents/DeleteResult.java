package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to DeleteObjects: what was deleted (left out in quiet mode) and what failed, with AWS codes. A
 * {@code <Deleted>} has the request's {@code <Key>} and {@code <VersionId>}, and on a bucket with versioning
 * {@code <DeleteMarker>} and {@code <DeleteMarkerVersionId>}.
 */
@XmlRootElement(name = "DeleteResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "DeleteResult", propOrder = {"deleted", "errors"})
public final class DeleteResult {

    @XmlElement(name = "Deleted")
    private List<Deleted> deleted = new ArrayList<>();

    @XmlElement(name = "Error") private List<Failure> errors = new ArrayList<>();

    public DeleteResult() {
    }

    public DeleteResult addDeleted(String key, String versionId) {
        return addDeleted(key, versionId, false, null);
    }

    /**
     * A key deleted on a bucket with versioning, as AWS reports it: {@code deleteMarker} when a marker was written
     * (no version id asked: {@code deleteMarkerVersionId} is the new marker's) or the version deleted was a marker
     * (its id).
     */
    public DeleteResult addDeleted(String key, String versionId, boolean deleteMarker, String deleteMarkerVersionId) {
        deleted.add(new Deleted(key, versionId, deleteMarker ? Boolean.TRUE : null, deleteMarkerVersionId));
        return this;
    }

    /** A key that could not be deleted; {@code code} is an AWS error code such as {@code AccessDenied}. */
    public DeleteResult addError(String key, String versionId, String code, String message) {
        errors.add(new Failure(key, versionId, code, message));
        return this;
    }

    /** One {@code <Deleted>} entry: the request's key and version id, and what became of a delete marker. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DeletedObject", propOrder = {"key", "versionId", "deleteMarker", "deleteMarkerVersionId"})
    public static final class Deleted {

        @XmlElement(name = "Key") private String key;
        @XmlElement(name = "VersionId") private String versionId;
        @XmlElement(name = "DeleteMarker") private Boolean deleteMarker;
        @XmlElement(name = "DeleteMarkerVersionId") private String deleteMarkerVersionId;

        private Deleted() {
        }

        Deleted(String key, String versionId, Boolean deleteMarker, String deleteMarkerVersionId) {
            this.key = key;
            this.versionId = versionId;
            this.deleteMarker = deleteMarker;
            this.deleteMarkerVersionId = deleteMarkerVersionId;
        }
    }

    /** One {@code <Error>} entry of the result (not to be confused with an error response). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DeleteError", propOrder = {"key", "versionId", "code", "message"})
    public static final class Failure {

        @XmlElement(name = "Key") private String key;
        @XmlElement(name = "VersionId") private String versionId;
        @XmlElement(name = "Code") private String code;
        @XmlElement(name = "Message") private String message;

        private Failure() {
        }

        public Failure(String key, String versionId, String code, String message) {
            this.key = key;
            this.versionId = versionId;
            this.code = code;
            this.message = message;
        }
    }
}
