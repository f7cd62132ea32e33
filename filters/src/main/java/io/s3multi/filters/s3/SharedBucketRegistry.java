package io.s3multi.filters.s3;

import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import jakarta.servlet.ServletContext;

/**
 * The bucket registry of a pipeline, shared through its servlet context: the s3api stage opens it (it holds the
 * registry's settings) and publishes it; the s3multi stage reads it to tell another account's bucket from a
 * missing one. Read at request time, so the order in which the container initializes the stages does not matter.
 * With it goes the cache of the buckets' lifecycle configurations, so that the s3multi stage's abort headers see a
 * configuration the s3api stage just changed.
 */
public final class SharedBucketRegistry {

    private static final String ATTRIBUTE = SharedBucketRegistry.class.getName();
    private static final String LIFECYCLES = ATTRIBUTE + ".lifecycles";

    private SharedBucketRegistry() {
    }

    public static void publish(ServletContext context, BucketRegistry registry, LifecycleLookup lifecycles) {
        context.setAttribute(ATTRIBUTE, registry);
        context.setAttribute(LIFECYCLES, lifecycles);
    }

    public static void withdraw(ServletContext context) {
        context.removeAttribute(ATTRIBUTE);
        context.removeAttribute(LIFECYCLES);
    }

    /** The published lifecycle cache, or {@link LifecycleLookup#NONE} when there is none (yet). */
    public static LifecycleLookup lifecyclesIn(ServletContext context) {
        return context.getAttribute(LIFECYCLES) instanceof LifecycleLookup lookup ? lookup : LifecycleLookup.NONE;
    }

    /** The published registry, or {@link BucketRegistry#none()} when there is none (yet). */
    public static BucketRegistry in(ServletContext context) {
        return context.getAttribute(ATTRIBUTE) instanceof BucketRegistry registry ? registry : BucketRegistry.none();
    }
}
