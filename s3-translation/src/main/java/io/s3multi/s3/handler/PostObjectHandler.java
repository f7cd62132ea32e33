package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.RequestBodySource;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.post.PostForm;
import io.s3multi.s3.post.PostSubmission;
import io.s3multi.s3.request.ObjectKeys;
import io.s3multi.s3.request.QueryParameters;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.xml.documents.PostResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PostObject, the browser form upload: the form's file becomes the object at the form's {@code key}, written by
 * PutObject's own path ({@link ObjectHandler#putObject}), so metadata, checksums, versioning and a replaced
 * multipart object's segments work as for a PUT.
 *
 * <p>The edge has read the form up to its file and verified its signature ({@link PostSubmission}); here the
 * policy is checked (expiration, every condition, every field covered: {@link io.s3multi.s3.post.PostPolicy}), the
 * form's fields become the headers of a PUT ({@link PostUpload}), and the file streams to Swift held to the
 * policy's {@code content-length-range} and to the form's {@code x-amz-checksum-*}: a failed check throws before
 * the file's end, so Swift stores nothing.
 *
 * <p>The answer, as AWS: a valid {@code success_action_redirect} (or the older {@code redirect}) is a
 * {@code 303} to it with {@code bucket}, {@code key} and {@code etag} added to its query; otherwise
 * {@code success_action_status} {@code 200} (empty), {@code 201} ({@code PostResponse} XML) or, by default and for
 * any other value, {@code 204}. Each answer carries {@code ETag} and {@code Location}.
 */
public final class PostObjectHandler {

    private final ObjectHandler objects;

    public PostObjectHandler(ObjectHandler objects) {
        this.objects = Objects.requireNonNull(objects, "objects");
    }

    public S3Response postObject(S3Call call) {
        PostSubmission submission = call.body().postForm()
                .orElseThrow(() -> S3Exception.internalError("post.no-form"));
        PostForm form = submission.form();
        String key = keyOf(form);
        Map<String, String> checked = new LinkedHashMap<>(form.fields());
        checked.put("bucket", call.bucket());
        checked.put("key", key);
        submission.policy().ifPresent(policy -> policy.check(checked, call.clock().instant()));
        PostUpload upload = PostUpload.of(submission, call.request().head(), call.bucket(), key);
        S3Request put = asPut(call.request(), upload, key);
        RequestBodySource file = upload::openFile;
        S3Response stored = objects.putObject(new S3Call(put, call.identity(), call.swift(), file, call.clock(),
                call.requestId()));
        return answer(call, form, key, stored);
    }

    /**
     * The PutObject a form amounts to, for authorization: the object's key (a bucket policy names keys, so it must
     * decide {@code arn:aws:s3:::<bucket>/<key>}) and the form's fields as headers ({@code acl} as
     * {@code x-amz-acl}, for the policy's condition keys). A form without a valid key is the POST itself; the
     * handler then refuses it.
     */
    public static S3Request asPut(S3Request post, PostSubmission submission) {
        String key;
        try {
            key = keyOf(submission.form());
        } catch (S3Exception refusedByTheHandler) {
            return post;
        }
        return asPut(post, PostUpload.of(submission, post.head(), post.bucket(), key), key);
    }

    private static S3Request asPut(S3Request post, PostUpload upload, String key) {
        return new S3Request(upload.head(), post.addressing(), post.bucket(), key, QueryParameters.parse(null));
    }

    private static String keyOf(PostForm form) {
        String key = form.field("key").orElseThrow(() -> S3Exception.invalidArgument("key", "",
                "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the"
                        + " fields.")).replace("${filename}", form.fileName());
        if (key.isEmpty()) {
            throw S3Exception.invalidArgument("key", "", "User key must have a length greater than 0.");
        }
        ObjectKeys.requireValid(key);
        return key;
    }

    private static S3Response answer(S3Call call, PostForm form, String key, S3Response stored) {
        String eTag = stored.header("ETag");
        String host = call.request().header("Host");
        String path = "/" + call.bucket() + "/" + encode(key).replace("%2F", "/");
        String location = host == null ? path : "http://" + host + path;
        Optional<URI> redirect = form.field("success_action_redirect").or(() -> form.field("redirect"))
                .flatMap(PostObjectHandler::redirectTarget);
        S3Response answer;
        if (redirect.isPresent()) {
            String target = redirect.get().toString();
            answer = S3Response.status(303).withHeader("Location", target + (target.contains("?") ? "&" : "?")
                    + "bucket=" + encode(call.bucket()) + "&key=" + encode(key) + "&etag=" + encode(eTag));
        } else {
            String status = form.field("success_action_status").orElse("204").trim();
            answer = switch (status) {
                case "200" -> S3Response.status(200);
                case "201" -> S3Response.status(201).withXml(new PostResponse(location, call.bucket(), key, eTag));
                default -> S3Response.noContent();
            };
            answer.withHeader("Location", location);
        }
        answer.withHeader("ETag", eTag);
        for (Map.Entry<String, List<String>> header : stored.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("ETag")) {
                header.getValue().forEach(value -> answer.withHeader(header.getKey(), value));
            }
        }
        return answer;
    }

    /** An absolute http(s) URL; AWS ignores anything else and answers as if no redirect was asked for. */
    private static Optional<URI> redirectTarget(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
