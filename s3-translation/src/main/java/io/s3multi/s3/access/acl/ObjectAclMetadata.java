package io.s3multi.s3.access.acl;

import io.s3multi.s3.contract.StoredAcl;
import io.s3multi.swift.SwiftHeaders;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An object's ACL as its Swift metadata keeps it (reserved names, see {@code ReservedMetadata} and
 * {@link StoredAcl}), in one ASCII text:
 * {@code o=<owner id>&n=<owner display name>&g=<PERMISSION>:i:<canonical id>&g=<PERMISSION>:g:<group>...}, values
 * form-encoded, groups by the last segment of their URI ({@code AllUsers}, {@code AuthenticatedUsers},
 * {@code LogDelivery}). Absent: the object has no ACL of its own, and its owner (the bucket's owner) has full
 * control. A stored text that does not read counts as absent, logged, never as a failure of the request.
 */
public final class ObjectAclMetadata {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectAclMetadata.class);

    private ObjectAclMetadata() {
    }

    /**
     * The object's own ACL; empty when it has none.
     *
     * @param swiftHeaders the object's headers from a Swift HEAD or GET (names in any case)
     */
    public static Optional<AccessControlList> read(Map<String, String> swiftHeaders) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        swiftHeaders.forEach(headers::set);
        return read(headers.build());
    }

    /** As {@link #read(Map)}, from headers as the Swift client answers them. */
    public static Optional<AccessControlList> read(SwiftHeaders swiftHeaders) {
        return StoredAcl.ofObject(swiftHeaders).flatMap(ObjectAclMetadata::fromStoredForm);
    }

    /** The object metadata headers that keep {@code acl} (refused when too large: {@link StoredAcl}). */
    public static SwiftHeaders headers(AccessControlList acl) {
        return StoredAcl.objectHeaders(storedForm(acl));
    }

    /** Whether a Swift header is one of those {@link #headers} writes (a metadata POST replacing the ACL drops it). */
    public static boolean isAclHeader(String swiftHeader) {
        return StoredAcl.isObjectAclPiece(swiftHeader);
    }

    static String storedForm(AccessControlList acl) {
        StringBuilder form = new StringBuilder("o=").append(encode(acl.owner().id()))
                .append("&n=").append(encode(acl.owner().displayName()));
        for (Grant grant : acl.grants()) {
            form.append("&g=").append(grant.permission().name()).append(':');
            if (grant.grantee() instanceof Grantee.CanonicalUser user) {
                form.append("i:").append(encode(user.id()));
            } else {
                String uri = ((Grantee.Group) grant.grantee()).uri();
                form.append("g:").append(uri.substring(uri.lastIndexOf('/') + 1));
            }
        }
        return form.toString();
    }

    static Optional<AccessControlList> fromStoredForm(String form) {
        try {
            String ownerId = null;
            String ownerName = "";
            List<Grant> grants = new ArrayList<>();
            for (String field : form.split("&")) {
                int equals = field.indexOf('=');
                String name = field.substring(0, equals);
                String value = field.substring(equals + 1);
                switch (name) {
                    case "o" -> ownerId = decode(value);
                    case "n" -> ownerName = decode(value);
                    case "g" -> grants.add(grant(value));
                    default -> throw new IllegalArgumentException("unknown field " + name);
                }
            }
            return Optional.of(new AccessControlList(new Grantee.CanonicalUser(ownerId, ownerName), grants));
        } catch (RuntimeException unreadable) {
            LOG.warn("an object's stored ACL does not read; treating it as absent: {}", unreadable.toString());
            return Optional.empty();
        }
    }

    private static Grant grant(String value) {
        String[] parts = value.split(":", 3);
        Permission permission = Permission.valueOf(parts[0]);
        Grantee grantee = switch (parts[1]) {
            case "i" -> new Grantee.CanonicalUser(decode(parts[2]), "");
            case "g" -> AclGrantees.GROUPS.stream().filter(group -> group.uri().endsWith("/" + parts[2]))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown group " + parts[2]));
            default -> throw new IllegalArgumentException("unknown grantee kind " + parts[1]);
        };
        return new Grant(grantee, permission);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
