package io.s3multi.filters.tus;

import io.s3multi.filters.pipeline.ServiceIdentity;
import io.s3multi.filters.s3.S3Attributes;
import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.s3.background.ServiceAccounts;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.tus.TusException;
import io.s3multi.s3.tus.TusUploadRef;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.FixedTokenSource;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Who a tus request acts as, and on which Swift account.
 * <ul>
 *   <li>The creation POST: the S3 identity an auth stage vouched for (SigV4 in the header or a presigned URL), on
 *       its account; or a Swift token ({@code X-Auth-Token}) on the account named by {@code X-Swift-Account}, Swift
 *       deciding whether the token may write there.</li>
 *   <li>Requests on an upload URL: the URL is the credential ({@code UploadCapability}); with an
 *       {@code X-Auth-Token} they act with that token, otherwise with the gateway's service identity on the
 *       upload's account (without one configured, only token requests work).</li>
 * </ul>
 */
final class TusAccess {

    record Actor(S3Identity identity, SwiftAccount swift, String account) {
    }

    private final ServiceIdentity service;
    private final Supplier<SwiftBackend> backend;
    private volatile ServiceAccounts serviceAccounts;

    TusAccess(ServiceIdentity service, Supplier<SwiftBackend> backend) {
        this.service = service;
        this.backend = backend;
    }

    /** Who creates an upload. */
    Actor creator(HttpServletRequest request) {
        var authenticated = S3Attributes.S3_AUTHENTICATION.find(request);
        if (authenticated.isPresent()) {
            S3Authentication s3 = authenticated.get();
            return new Actor(s3.identity(), s3.swift(), s3.identity().swiftAccount());
        }
        String token = request.getHeader("X-Auth-Token");
        String account = request.getHeader("X-Swift-Account");
        if (token != null && account != null && isAccountName(account)) {
            return new Actor(accountIdentity(account), withToken(token, account), account);
        }
        throw new TusException(401, "creating an upload needs an S3 signature (header or presigned URL), or"
                + " X-Auth-Token with X-Swift-Account");
    }

    /** Who acts on an upload whose URL verified. */
    Actor onUpload(HttpServletRequest request, TusUploadRef upload) {
        String token = request.getHeader("X-Auth-Token");
        if (token != null) {
            return new Actor(accountIdentity(upload.account()), withToken(token, upload.account()), upload.account());
        }
        if (!service.isConfigured()) {
            throw new TusException(403, "this gateway has no service identity: send X-Auth-Token");
        }
        return new Actor(accountIdentity(upload.account()), serviceAccounts().forAccount(upload.account()),
                upload.account());
    }

    private ServiceAccounts serviceAccounts() {
        if (serviceAccounts == null) {
            serviceAccounts = new ServiceAccounts(backend.get(), service.user(), service.key());
        }
        return serviceAccounts;
    }

    private SwiftAccount withToken(String token, String account) {
        URI storage = backend.get().config().endpoint().resolve("/v1/" + account);
        return backend.get().account(new FixedTokenSource(new AuthToken(token, storage, Instant.MAX)));
    }

    private static S3Identity accountIdentity(String account) {
        return new S3Identity("", account, account, account);
    }

    private static boolean isAccountName(String account) {
        return account.matches("[A-Za-z0-9_-]{1,256}");
    }
}
