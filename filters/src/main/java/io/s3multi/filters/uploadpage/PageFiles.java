package io.s3multi.filters.uploadpage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the upload page, read once from the class path, where the build put them (the webapp module bundles
 * them with esbuild into {@code s3multi-upload-page/}, listed in its {@code files.txt}). They are a few hundred KiB,
 * so they are held in memory with their content type, caching rule and ETag.
 */
final class PageFiles {

    static final String DIRECTORY = "s3multi-upload-page/";
    static final String INDEX = "index.html";

    /** A file of the page, ready to be sent. */
    record PageFile(byte[] bytes, String contentType, String cacheControl, String etag) {
    }

    private final Map<String, PageFile> files;

    private PageFiles(Map<String, PageFile> files) {
        this.files = files;
    }

    /** The page's files, or none when the build did not bundle them (a build without npm, a unit test). */
    static PageFiles load(ClassLoader loader) {
        Map<String, PageFile> files = new LinkedHashMap<>();
        try (InputStream list = loader.getResourceAsStream(DIRECTORY + "files.txt")) {
            if (list == null) {
                return new PageFiles(Map.of());
            }
            for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!name.isBlank()) {
                    files.put(name, read(loader, name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload page from the class path", e);
        }
        return new PageFiles(Map.copyOf(files));
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    Optional<PageFile> get(String name) {
        return Optional.ofNullable(files.get(name));
    }

    private static PageFile read(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IOException(DIRECTORY + "files.txt names " + name + ", which is not there");
            }
            byte[] bytes = in.readAllBytes();
            return new PageFile(bytes, contentType(name), cacheControl(name), etag(bytes));
        }
    }

    static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html;charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript;charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css;charset=utf-8";
        }
        return "text/plain;charset=utf-8";
    }

    /**
     * The bundles' names carry a hash of their content (a new build, a new name), so browsers may keep them for a
     * year without asking; index.html names the current ones and is revalidated on every load.
     */
    static String cacheControl(String name) {
        return name.matches(".*-[A-Z0-9]{8}\\.(js|css)") ? "public, max-age=31536000, immutable" : "no-cache";
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
