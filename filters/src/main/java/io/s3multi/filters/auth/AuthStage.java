package io.s3multi.filters.auth;

import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.s3.FormVerifiers;
import io.s3multi.filters.s3.RequestIds;
import io.s3multi.filters.s3.S3Attributes;
import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.filters.s3.S3ErrorResponse;
import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.request.S3RequestParser;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet part every auth stage shares; a stage is this plus its {@link CredentialAuthority}.
 *
 * <p>For an S3 request (see {@link S3Exchange}) that no earlier auth stage accepted:
 * <ul>
 *   <li>no credentials: passes it on (s3api answers {@code AccessDenied}); for a POST, adds the authority to
 *       {@link S3Attributes#FORM_VERIFIERS}, so that the edge can verify a browser form's own signature with it;</li>
 *   <li>malformed credentials: answers the parser's error ({@code AuthorizationHeaderMalformed},
 *       {@code InvalidArgument}, ...);</li>
 *   <li>an access key the authority does not know: passes it on untouched, for a later auth stage;</li>
 *   <li>a refusal of the authority: answers it as S3 XML (which also notes its code for the access log);</li>
 *   <li>an authentication: stores it as {@link S3Attributes#S3_AUTHENTICATION} and the identity's display
 *       name as {@link PipelineAttributes#USER}, then calls the next stage.</li>
 * </ul>
 * Native Swift requests pass untouched. The Swift backend of {@code swift_url} is the pipeline's shared one, taken
 * in {@link #init} and given back in {@link #destroy}.
 *
 * @param <A> the authority, which a stage may ask more of (Keystone's request count)
 */
public abstract class AuthStage<A extends CredentialAuthority> implements Filter {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final S3RequestParser parser;
    private final URI swiftUrl;
    private final A authority;
    private SwiftBackendLease swift;

    /** @param swiftUrl the Swift whose accounts the authority's users act on */
    protected AuthStage(List<String> storageDomains, URI swiftUrl, A authority) {
        this.parser = new S3RequestParser(storageDomains);
        this.swiftUrl = swiftUrl;
        this.authority = authority;
    }

    protected final A authority() {
        return authority;
    }

    @Override
    public final void init(FilterConfig filterConfig) {
        swift = SwiftBackendLease.take(filterConfig.getServletContext(), swiftUrl);
    }

    @Override
    public final void destroy() {
        if (swift != null) {
            swift.release();
        }
        authority.close();
    }

    @Override
    public final void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        S3Exchange exchange = S3Exchange.of(request, parser);
        if (!exchange.isS3() || S3Attributes.S3_AUTHENTICATION.find(request).isPresent()) {
            next.doFilter(request, response);
            return;
        }
        Optional<S3Authentication> known;
        boolean unsigned;
        try {
            Optional<SignedRequest> claimed = exchange.signature();
            unsigned = claimed.isEmpty();
            known = unsigned ? Optional.empty() : authority.authenticate(claimed.get(), swift.backend());
        } catch (S3AuthException refused) {
            refuse(request, response, S3Failures.toS3(refused, null));
            return;
        } catch (S3Exception refused) {
            refuse(request, response, refused);
            return;
        }
        if (unsigned && "POST".equals(request.getMethod())) {
            // A browser form (PostObject) is signed in its body: the edge asks this stage once it has read it.
            S3Attributes.FORM_VERIFIERS.find(request).orElseGet(() -> {
                var verifiers = new FormVerifiers();
                S3Attributes.FORM_VERIFIERS.set(request, verifiers);
                return verifiers;
            }).add(signed -> authority.authenticate(signed, swift.backend()));
        }
        known.ifPresent(authentication -> {
            S3Attributes.S3_AUTHENTICATION.set(request, authentication);
            PipelineAttributes.USER.set(request, authentication.identity().displayName());
        });
        next.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, S3Exception error)
            throws IOException {
        String requestId = RequestIds.of(request);
        log.debug("{} refused: {}", requestId, error.toString());
        S3ErrorResponse.send(request, response, error, requestId);
    }
}
