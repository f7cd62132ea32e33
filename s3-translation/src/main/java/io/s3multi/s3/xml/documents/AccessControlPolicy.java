package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of PutBucketAcl/PutObjectAcl and the answer to the matching Get: an owner and its grants.
 *
 * <p>A grantee's kind is the attribute {@code xsi:type} ({@code CanonicalUser}, {@code Group},
 * {@code AmazonCustomerByEmail}); it is bound as a plain attribute, not as JAXB type substitution.
 */
@XmlRootElement(name = "AccessControlPolicy")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AccessControlPolicy", propOrder = {"owner", "grants"})
public final class AccessControlPolicy {

    /** The XML Schema instance namespace of the {@code xsi:type} attribute. */
    public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

    @XmlElement(name = "Owner") private Owner owner;
    @XmlElementWrapper(name = "AccessControlList")
    @XmlElement(name = "Grant") private List<Grant> grants = new ArrayList<>();

    public AccessControlPolicy() {
    }

    public AccessControlPolicy(Owner owner) {
        this.owner = owner;
    }

    public Owner owner() {
        return owner;
    }

    public List<Grant> grants() {
        return Collections.unmodifiableList(grants);
    }

    public AccessControlPolicy addGrant(Grantee grantee, String permission) {
        grants.add(new Grant(grantee, permission));
        return this;
    }

    /** One {@code <Grant>}: a grantee and a permission ({@code FULL_CONTROL}, {@code READ}, ...). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Grant", propOrder = {"grantee", "permission"})
    public static final class Grant {

        @XmlElement(name = "Grantee") private Grantee grantee;
        @XmlElement(name = "Permission") private String permission;

        private Grant() {
        }

        public Grant(Grantee grantee, String permission) {
            this.grantee = grantee;
            this.permission = permission;
        }

        public Grantee grantee() {
            return grantee;
        }

        public String permission() {
            return permission;
        }
    }

    /** A {@code <Grantee>}: a canonical user (ID), a group (URI) or an e-mail address. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Grantee", propOrder = {"id", "displayName", "emailAddress", "uri"})
    public static final class Grantee {

        @XmlAttribute(name = "type", namespace = XSI_NAMESPACE) private String type;
        @XmlElement(name = "ID") private String id;
        @XmlElement(name = "DisplayName") private String displayName;
        @XmlElement(name = "EmailAddress") private String emailAddress;
        @XmlElement(name = "URI") private String uri;

        private Grantee() {
        }

        public static Grantee canonicalUser(String id, String displayName) {
            var grantee = new Grantee();
            grantee.type = "CanonicalUser";
            grantee.id = id;
            grantee.displayName = displayName;
            return grantee;
        }

        public static Grantee group(String uri) {
            var grantee = new Grantee();
            grantee.type = "Group";
            grantee.uri = uri;
            return grantee;
        }

        /** {@code CanonicalUser}, {@code Group} or {@code AmazonCustomerByEmail}, as the client wrote it. */
        public String type() {
            return type;
        }

        public String id() {
            return id;
        }

        public String displayName() {
            return displayName;
        }

        public String emailAddress() {
            return emailAddress;
        }

        public String uri() {
            return uri;
        }
    }
}
