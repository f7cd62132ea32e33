package io.s3multi.swift;

/**
 * An object by its container and name, both as Swift stores them (not encoded).
 *
 * <p>The unencoded {@link #toString()} form {@code /container/object} is what an SLO manifest's
 * {@code path} holds; the {@link #encoded()} form is what {@code X-Copy-From} and bulk delete expect.
 *
 * @param container the container name; non-empty, no {@code /}
 * @param object    the object name; non-empty, may contain {@code /}
 */
public record ObjectPath(String container, String object) {

    public ObjectPath {
        SwiftNameEncoder.requireContainerName(container);
        if (object == null || object.isEmpty()) {
            throw new IllegalArgumentException("object name must not be empty");
        }
    }

    /** Parses {@code /container/object} (unencoded; the leading {@code /} is optional). */
    public static ObjectPath parse(String path) {
        String withoutLead = path.startsWith("/") ? path.substring(1) : path;
        int slash = withoutLead.indexOf('/');
        if (slash <= 0 || slash == withoutLead.length() - 1) {
            throw new IllegalArgumentException("not a /container/object path: " + path);
        }
        return new ObjectPath(withoutLead.substring(0, slash), withoutLead.substring(slash + 1));
    }

    /** {@code /container/object}, percent-encoded by {@link SwiftNameEncoder}. */
    public String encoded() {
        return SwiftNameEncoder.objectPath(container, object);
    }

    /** {@code /container/object}, not encoded. */
    @Override
    public String toString() {
        return "/" + container + "/" + object;
    }
}
