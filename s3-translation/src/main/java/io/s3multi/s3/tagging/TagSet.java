package io.s3multi.s3.tagging;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.documents.Tagging;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A resource's tags, in the order the client gave them; immutable. Built only through the readers here, which
 * apply {@link TagScope}'s rules, or from the gateway's own stored form ({@link #fromStoredForm}).
 *
 * <p>The {@code x-amz-tagging} header of PutObject, CopyObject and CreateMultipartUpload is "encoded as URL Query
 * parameters" ({@code k1=v1&k2=v2}): each key and value is percent-decoded as a form ({@code +} is a space), a key
 * without {@code =} has the empty value, empty pairs are skipped. A header that cannot be read that way (a bad
 * escape, a second {@code =} in one pair, a key twice) is {@code 400 InvalidArgument} with S3's message; tags that
 * read but break a rule are refused as by PutObjectTagging.
 */
public final class TagSet {

    private static final TagSet EMPTY = new TagSet(List.of());
    private static final String HEADER = "x-amz-tagging";
    private static final String HEADER_MESSAGE = "The header 'x-amz-tagging' shall be encoded as UTF-8 then"
            + " URLEncoded URL query parameters without tag name duplicates.";

    private final List<Tag> tags;

    private TagSet(List<Tag> tags) {
        this.tags = List.copyOf(tags);
    }

    /** One tag. */
    public record Tag(String key, String value) {

        public Tag {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public static TagSet empty() {
        return EMPTY;
    }

    /**
     * The tags of a PutObjectTagging or PutBucketTagging body.
     *
     * @throws S3Exception {@code MalformedXML} without a {@code TagSet} or for a tag without {@code Key} or
     *                     {@code Value}; {@code BadRequest} or {@code InvalidTag} as {@link TagScope} says
     */
    public static TagSet fromDocument(Tagging document, TagScope scope) {
        List<Tagging.Tag> listed = document.tagSet();
        if (listed == null) {
            throw S3Exception.malformedXml().withReason("noTagSet");
        }
        List<Tag> tags = new ArrayList<>(listed.size());
        for (Tagging.Tag tag : listed) {
            if (tag.key() == null || tag.value() == null) {
                throw S3Exception.malformedXml().withReason("tagWithoutKeyOrValue");
            }
            tags.add(new Tag(tag.key(), tag.value()));
        }
        scope.validate(tags);
        return new TagSet(tags);
    }

    /**
     * The tags of an {@code x-amz-tagging} header (an object's); empty when there is none.
     *
     * @throws S3Exception {@code InvalidArgument} for a header that is not a query string of distinct keys,
     *                     {@code BadRequest} or {@code InvalidTag} as {@link TagScope#OBJECT} says
     */
    public static TagSet fromHeader(String header) {
        if (header == null || header.isEmpty()) {
            return EMPTY;
        }
        List<Tag> tags = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String pair : header.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            Tag tag = readPair(pair).orElseThrow(() -> badHeader(header));
            if (!keys.add(tag.key())) {
                throw badHeader(header);
            }
            tags.add(tag);
        }
        TagScope.OBJECT.validate(tags);
        return new TagSet(tags);
    }

    /**
     * The tags as the gateway stored them ({@link #storedForm()}); whatever does not read back cleanly counts as
     * no tags, never as a failure (stored values are read defensively, as all reserved metadata).
     */
    public static TagSet fromStoredForm(String stored) {
        if (stored == null || stored.isEmpty()) {
            return EMPTY;
        }
        List<Tag> tags = new ArrayList<>();
        for (String pair : stored.split("&", -1)) {
            var tag = readPair(pair);
            if (tag.isEmpty()) {
                return EMPTY;
            }
            tags.add(tag.get());
        }
        return new TagSet(tags);
    }

    /**
     * The tags as one ASCII string, {@code k1=v1&k2=v2} with keys and values form-encoded (UTF-8): what the
     * gateway stores in Swift metadata, whose values must be plain ASCII.
     */
    public String storedForm() {
        StringBuilder form = new StringBuilder();
        for (Tag tag : tags) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(tag.key(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(tag.value(), StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    /** The GetObjectTagging / GetBucketTagging document. */
    public Tagging toDocument() {
        Tagging document = new Tagging();
        tags.forEach(tag -> document.addTag(tag.key(), tag.value()));
        return document;
    }

    public List<Tag> tags() {
        return tags;
    }

    public int size() {
        return tags.size();
    }

    public boolean isEmpty() {
        return tags.isEmpty();
    }

    /** {@code k=v} or {@code k}, form-decoded; empty when it does not decode or holds a second {@code =}. */
    private static Optional<Tag> readPair(String pair) {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        if (value.indexOf('=') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Tag(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
    }

    private static S3Exception badHeader(String header) {
        return S3Exception.invalidArgument(HEADER, header, HEADER_MESSAGE).withReason("taggingHeader");
    }
}
