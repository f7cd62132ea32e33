package io.s3multi.s3.post;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A browser upload form ({@code POST /<bucket>}, {@code multipart/form-data}) read up to its file: the fields
 * before the file in memory (together at most {@value #MAX_FIELD_BYTES} bytes, else
 * {@code MaxPostPreDataLengthExceededError}), the file as a stream still to be read. As on AWS, the file is the
 * part named {@code file}, and the fields after it are ignored (never read).
 *
 * <p>Field names are matched without regard to case, as AWS does; the first of repeated fields counts, for the
 * policy and for the upload alike.
 */
public final class PostForm {

    /** How many bytes of fields may precede the file. */
    public static final int MAX_FIELD_BYTES = 20 * 1024;

    private final Map<String, String> fields;
    private final String fileName;
    private final String fileContentType;
    private final InputStream file;

    private PostForm(Map<String, String> fields, String fileName, String fileContentType, InputStream file) {
        this.fields = Collections.unmodifiableMap(fields);
        this.fileName = fileName;
        this.fileContentType = fileContentType;
        this.file = file;
    }

    /**
     * Reads the form's fields from {@code body} until the file part begins.
     *
     * @param contentType the request's {@code Content-Type}
     * @throws S3Exception {@code PreconditionFailed} when the body is not {@code multipart/form-data},
     *                     {@code MalformedPOSTRequest}, {@code MaxPostPreDataLengthExceededError}, or
     *                     {@code InvalidArgument} when there is no file
     */
    public static PostForm read(InputStream body, String contentType) {
        String boundary = contentType == null ? null : HeaderParameters.value(contentType, "boundary");
        if (contentType == null || boundary == null || boundary.isEmpty() || !contentType.trim()
                .toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw S3Exception.preconditionFailed("Bucket POST must be of the enclosure-type multipart/form-data");
        }
        try {
            return read(new MultipartFormReader(body, boundary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PostForm read(MultipartFormReader reader) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        long budget = MAX_FIELD_BYTES;
        for (Optional<MultipartFormReader.Part> next = reader.next(); next.isPresent(); next = reader.next()) {
            MultipartFormReader.Part part = next.get();
            String name = part.name().toLowerCase(Locale.ROOT);
            if (name.equals("file")) {
                return new PostForm(fields, part.fileName() == null ? "" : part.fileName(), part.contentType(),
                        part.content());
            }
            budget -= part.name().length();
            byte[] value = readBounded(part.content(), budget);
            budget -= value.length;
            fields.putIfAbsent(name, new String(value, StandardCharsets.UTF_8));
        }
        throw S3Exception.invalidArgument("file", "0", "POST requires exactly one file upload per request.");
    }

    private static byte[] readBounded(InputStream content, long budget) throws IOException {
        var value = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        for (int n = content.read(chunk); n >= 0; n = content.read(chunk)) {
            value.write(chunk, 0, n);
            if (value.size() > budget) {
                throw S3Exception.of(S3ErrorCode.MAX_POST_PRE_DATA_LENGTH_EXCEEDED);
            }
        }
        return value.toByteArray();
    }

    /** A field's value, by its name in any case. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every field before the file, by lower-case name, in the order sent. */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * The file name the browser sent, without any directory a browser may have left in it (old IE sent the whole
     * path); "" when none.
     */
    public String fileName() {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }

    /** The {@code Content-Type} of the file part, if the browser sent one. */
    public Optional<String> fileContentType() {
        return Optional.ofNullable(fileContentType);
    }

    /** The file's bytes, to be read once; it ends at the file part's end, and throws if the body is cut short. */
    public InputStream file() {
        return file;
    }
}
