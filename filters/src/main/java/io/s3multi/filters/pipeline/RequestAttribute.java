package io.s3multi.filters.pipeline;

import jakarta.servlet.ServletRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A request attribute with a fixed name and type, so stages share per-request state without string keys
 * and casts scattered through the code. All keys live in {@link PipelineAttributes}.
 *
 * @param name the servlet attribute name
 * @param type what is stored under it
 * @param <T>  the value type
 */
public record RequestAttribute<T>(String name, Class<T> type) {

    public RequestAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The value, or empty when no stage has set it. */
    public Optional<T> find(ServletRequest request) {
        return Optional.ofNullable(request.getAttribute(name)).map(type::cast);
    }

    /** The value, or {@code fallback} when no stage has set it. */
    public T getOrDefault(ServletRequest request, T fallback) {
        return find(request).orElse(fallback);
    }

    public void set(ServletRequest request, T value) {
        request.setAttribute(name, Objects.requireNonNull(value, name));
    }
}
