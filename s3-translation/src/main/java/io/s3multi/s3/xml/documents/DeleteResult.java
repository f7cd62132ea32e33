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
 * {@code <Deleted>} has the shape of the request's {@code <Object>}, so it is a {@link Delete.ObjectIdentifier}.
 */
@XmlRootElement(name = "DeleteResult")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "DeleteResult", propOrder = {"deleted", "errors"})
public final class DeleteResult {

    @XmlElement(name = "Deleted")
    private List<Delete.ObjectIdentifier> deleted = new ArrayList<>();

    @XmlElement(name = "Error") private List<Failure> errors = new ArrayList<>();

    public DeleteResult() {
    }

    public DeleteResult addDeleted(String key, String versionId) {
        deleted.add(new Delete.ObjectIdentifier(key, versionId));
        return this;
    }

    /** A key that could not be deleted; {@code code} is an AWS error code such as {@code AccessDenied}. */
    public DeleteResult addError(String key, String versionId, String code, String message) {
        errors.add(new Failure(key, versionId, code, message));
        return this;
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
