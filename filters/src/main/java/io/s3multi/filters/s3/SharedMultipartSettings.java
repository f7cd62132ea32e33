package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.InstalledPipeline;
import io.s3multi.s3.multipart.FinishLocks;
import io.s3multi.s3.multipart.MultipartSettings;
import jakarta.servlet.ServletContext;

/**
 * The s3multi stage's {@link MultipartSettings}, shared through the servlet context: the one source of
 * {@code filter.s3multi.claim_timeout} for every stage that claims, finishes or aborts uploads outside the s3multi
 * stage (tus's PATCH lock and completion, s3api's lifecycle and sweeper jobs). A claim taken over sooner than its
 * holder's timeout would let two requests finish one upload at once.
 *
 * <p>With them goes the gateway's one {@link FinishLocks}: the s3multi stage's Complete and Abort and tus's
 * completion and termination wait for each other in this process, exactly, instead of meeting only through the
 * claim in Swift.
 *
 * <p>The s3multi stage publishes them in its {@code init}. Readers ask when they need them (a request, a background
 * job's run), not in their own {@code init}: a container (Tomcat) may initialise the stages in any order.
 */
public final class SharedMultipartSettings {

    private static final String ATTRIBUTE = MultipartSettings.class.getName();
    private static final String LOCKS = FinishLocks.class.getName();
    private static final String STAGE = "s3multi";

    private SharedMultipartSettings() {
    }

    public static void publish(ServletContext context, MultipartSettings settings, FinishLocks locks) {
        context.setAttribute(ATTRIBUTE, settings);
        context.setAttribute(LOCKS, locks);
    }

    /**
     * The gateway's locks of uploads being finished: the s3multi stage's; without an s3multi stage, one made for the
     * context on first use (with {@link #in}'s claim timeout).
     *
     * @throws IllegalStateException as {@link #in}
     */
    public static FinishLocks locksIn(ServletContext context) {
        MultipartSettings settings = in(context);
        synchronized (SharedMultipartSettings.class) {
            if (context.getAttribute(LOCKS) instanceof FinishLocks published) {
                return published;
            }
            FinishLocks own = new FinishLocks(settings.claimTimeout());
            context.setAttribute(LOCKS, own);
            return own;
        }
    }

    /**
     * The published settings; {@link MultipartSettings#defaults()} when the pipeline has no s3multi stage (no S3
     * Complete of this gateway holds a claim then).
     *
     * @throws IllegalStateException when the pipeline has an s3multi stage that has not started yet: guessing its
     *                               claim timeout could take over a claim it still holds
     */
    public static MultipartSettings in(ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof MultipartSettings published) {
            return published;
        }
        InstalledPipeline pipeline = InstalledPipeline.in(context);
        if (pipeline != null && pipeline.names().contains(STAGE)) {
            throw new IllegalStateException("the s3multi stage has not started: its claim_timeout is not known yet");
        }
        return MultipartSettings.defaults();
    }
}
