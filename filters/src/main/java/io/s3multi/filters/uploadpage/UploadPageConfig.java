package io.s3multi.filters.uploadpage;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;

/**
 * The settings of upload_page.
 *
 * @param path where the page lives: starts and ends with {@code /}
 */
public record UploadPageConfig(String path) {

    static final Setting<String> PATH = new Setting<>("path", "/upload/", UploadPageConfig::checkedPath,
            "Where the upload page is served: a path that starts and ends with /. GET of the path itself (without"
                    + " a query or credentials) and of the page's own files under it are answered here, so path-style"
                    + " listings of a bucket of that name need a signature or a query (every S3 client sends both).");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("upload_page",
            "Serves the browser upload page (Uppy: S3 multipart or tus, listing, download, delete).", PATH);

    public UploadPageConfig {
        checkedPath(path);
    }

    static UploadPageConfig from(FilterSettings settings) {
        return new UploadPageConfig(PATH.read(settings));
    }

    private static String checkedPath(String path) {
        if (!path.startsWith("/") || !path.endsWith("/") || path.contains("//") || path.contains("?")) {
            throw new IllegalArgumentException("must start and end with / (e.g. /upload/), was " + path);
        }
        return path;
    }
}
