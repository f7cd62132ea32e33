package io.s3multi.filters.s3;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SigningKey;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.operation.RequestBodySource;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Opens the servlet request's body for a handler, decoded and verified by {@link RequestBody} with the
 * signature and SigV4 key that the auth stage verified (none for an anonymous request). A body can be read once,
 * so it can be opened once.
 */
final class ServletBodySource implements RequestBodySource {

    private final HttpServletRequest request;
    private final RequestHead head;
    private final SignedRequest signed;
    private final SigningKey signingKey;
    private final ClientConnection client;
    private boolean opened;

    /**
     * @param signed     the verified signature; null for an anonymous request
     * @param signingKey the key of the body's chunk signatures, or null
     */
    ServletBodySource(HttpServletRequest request, RequestHead head, SignedRequest signed, SigningKey signingKey,
            ClientConnection client) {
        this.request = request;
        this.head = head;
        this.signed = signed;
        this.signingKey = signingKey;
        this.client = client;
    }

    @Override
    public RequestBody open(Set<DigestAlgorithm> alsoCompute) {
        return open(head, alsoCompute);
    }

    @Override
    public RequestBody openWithObjectChecksumHeaders() {
        return open(head.without(name -> DigestAlgorithm.fromChecksumHeader(name).isPresent()), Set.of());
    }

    private RequestBody open(RequestHead checked, Set<DigestAlgorithm> alsoCompute) {
        if (opened) {
            throw new IllegalStateException("the request body was already opened");
        }
        opened = true;
        return RequestBody.open(client.watch(new DeferredServletInput(request)), checked, signed, signingKey,
                alsoCompute);
    }
}
