package io.s3multi.filters.s3;

import io.s3multi.s3.handler.bucket.BucketRegistry;
import jakarta.servlet.ServletContext;

/**
 * The bucket registry of a pipeline, shared through its servlet context: the s3api stage opens it (it holds the
 * registry's settings) and publishes it; the s3multi stage reads it to tell another account's bucket from a
 * missing one. Read at request time, so the order in which the container initializes the stages does not matter.
 */
public final class SharedBucketRegistry {

    private static final String ATTRIBUTE = SharedBucketRegistry.class.getName();

    private SharedBucketRegistry() {
    }

    public static void publish(ServletContext context, BucketRegistry registry) {
        context.setAttribute(ATTRIBUTE, registry);
    }

    public static void withdraw(ServletContext context) {
        context.removeAttribute(ATTRIBUTE);
    }

    /** The published registry, or {@link BucketRegistry#none()} when there is none (yet). */
    public static BucketRegistry in(ServletContext context) {
        return context.getAttribute(ATTRIBUTE) instanceof BucketRegistry registry ? registry : BucketRegistry.none();
    }
}
