package io.s3multi.s3.access.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.access.PublicAccessBlock;
import io.s3multi.s3.access.Requester;
import io.s3multi.s3.access.acl.AccessControlList;
import io.s3multi.s3.access.acl.Grant;
import io.s3multi.s3.access.acl.Grantee;
import io.s3multi.s3.access.acl.ObjectOwnership;
import io.s3multi.s3.access.acl.Permission;
import io.s3multi.s3.access.policy.BucketPolicy;
import io.s3multi.s3.access.policy.PolicyRequest;
import io.s3multi.s3.access.policy.PolicyVerdict;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.request.S3Operation;
import io.s3multi.s3.request.S3OperationClassifier;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.s3.testing.FakeSwift;
import io.s3multi.swift.SwiftAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AWS's evaluation order, decided without Swift: the bucket's state is given, the accounts are placeholders. */
class AuthorizerTest {

    private static final String OWNER = "AUTH_test";
    private static final S3Identity TESTER = new S3Identity("test:tester", "test:tester", OWNER, OWNER, true);
    private static final S3Identity TESTER3 = new S3Identity("test:tester3", "test:tester3", OWNER, OWNER, false);
    private static final S3Identity OTHER = new S3Identity("test2:tester2", "test2:tester2", "AUTH_test2",
            "AUTH_test2", true);
    private static final Grantee.CanonicalUser OWNER_USER = new Grantee.CanonicalUser(OWNER, OWNER);

    private static FakeSwift swift;
    private static SwiftAccount own;
    private static SwiftAccount service;

    private final Map<String, BucketAccess> buckets = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private final List<String> reached = new ArrayList<>();
    private final BucketAccessLookup lookup = new BucketAccessLookup() {
        @Override
        public BucketAccess get(String bucket) {
            reads.add(bucket);
            return buckets.getOrDefault(bucket, BucketAccess.UNRECORDED);
        }

        @Override
        public void forget(String bucket) {
            reads.add("forget " + bucket);
        }
    };
    private final Authorizer authorizer = new Authorizer(lookup, true);

    @BeforeAll
    static void accounts() {
        swift = new FakeSwift();
        own = swift.account();
        service = swift.account();
    }

    @AfterAll
    static void stop() {
        swift.close();
    }

    @Test
    void anOwnAccountRequestActsWithTheRequestersOwnSession() {
        owned("bkt", Optional.empty(), Optional.empty(), PublicAccessBlock.NONE);
        Authorized allowed = authorize(TESTER, "GET", "/bkt/k", "");
        assertSame(own, allowed.swift());
        assertFalse(allowed.service());
        assertEquals("arn:aws:iam::AUTH_test:user/tester@own", allowed.logField());
        assertSame(own, authorize(TESTER3, "PUT", "/bkt/k", "").swift());
        assertTrue(reached.isEmpty());
    }

    @Test
    void anotherAccountWithoutAGrantIsDenied() {
        owned("bkt", Optional.empty(), Optional.empty(), PublicAccessBlock.NONE);
        for (String[] request : List.of(new String[] {"GET", "/bkt/k", ""}, new String[] {"GET", "/bkt", ""},
                new String[] {"PUT", "/bkt/k", ""}, new String[] {"DELETE", "/bkt/k", ""},
                new String[] {"GET", "/bkt", "acl"}, new String[] {"DELETE", "/bkt", ""})) {
            assertDenied(() -> authorize(OTHER, request[0], request[1], request[2]));
        }
        assertDenied(() -> authorize(null, "GET", "/bkt", ""));
    }

    @Test
    void aBucketGrantLetsAnotherAccountListAndWriteInTheOwnersAccount() {
        owned("bkt", Optional.of(acl(new Grant(new Grantee.CanonicalUser("AUTH_test2", "x"), Permission.READ),
                new Grant(new Grantee.CanonicalUser("AUTH_test2", "x"), Permission.WRITE))), Optional.empty(),
                PublicAccessBlock.NONE);
        Authorized listing = authorize(OTHER, "GET", "/bkt", "list-type=2");
        assertSame(service, listing.swift());
        assertEquals(List.of(OWNER), reached);
        assertEquals(OWNER, listing.identity().swiftAccount());
        assertEquals("AUTH_test2", listing.identity().ownerId(), "initiators and writers stay who they are");
        assertEquals("arn:aws:iam::AUTH_test2:user/tester2@service:AUTH_test", listing.logField());
        assertSame(service, authorize(OTHER, "PUT", "/bkt/k", "").swift());
        assertSame(service, authorize(OTHER, "POST", "/bkt/k", "uploads").swift());
        assertDenied(() -> authorize(OTHER, "GET", "/bkt", "acl"));
        assertDenied(() -> authorize(OTHER, "DELETE", "/bkt", ""));
        assertDenied(() -> authorize(null, "GET", "/bkt", ""));
    }

    @Test
    void aCopyByAnotherAccountNeedsReadingTheSourceInTheSameAccount() {
        owned("bkt", Optional.of(acl(new Grant(new Grantee.CanonicalUser("AUTH_test2", "x"), Permission.WRITE))),
                Optional.empty(), PublicAccessBlock.NONE);
        owned("readable", Optional.empty(), Optional.of(policy(request -> request.resourceArn()
                .equals("arn:aws:s3:::readable/a b") ? PolicyVerdict.ALLOW : PolicyVerdict.NONE, false)),
                PublicAccessBlock.NONE);
        assertDenied(() -> authorizeCopy("/bkt/secret-copy", "/bkt/k"));
        assertDenied(() -> authorizeCopy("/bkt/secret-copy", "/readable/other"));
        assertTrue(authorizeCopy("/bkt/copy", "/readable/a%20b").service());
    }

    @Test
    void aGrantToAllUsersLetsAnonymousRequestsListAndAuthenticatedUsersCoversOnlyKnownOnes() {
        owned("pub", Optional.of(acl(new Grant(Grantee.Group.ALL_USERS, Permission.READ))), Optional.empty(),
                PublicAccessBlock.NONE);
        Authorized anonymous = authorize(null, "GET", "/pub", "");
        assertTrue(anonymous.service());
        assertEquals("anonymous@service:AUTH_test", anonymous.logField());
        assertDenied(() -> authorize(null, "PUT", "/pub/k", ""));
        owned("auth", Optional.of(acl(new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ))),
                Optional.empty(), PublicAccessBlock.NONE);
        assertTrue(authorize(OTHER, "GET", "/auth", "").service());
        assertDenied(() -> authorize(null, "GET", "/auth", ""));
    }

    @Test
    void aPublicWriteBucketTakesAnonymousPuts() {
        owned("wbk", Optional.of(acl(new Grant(Grantee.Group.ALL_USERS, Permission.WRITE))), Optional.empty(),
                PublicAccessBlock.NONE);
        assertTrue(authorize(null, "PUT", "/wbk/k", "").service());
        assertDenied(() -> authorize(null, "GET", "/wbk", ""));
    }

    @Test
    void ignorePublicAclsDropsThePublicGrantsButNotTheAccountOnes() {
        owned("bkt", Optional.of(acl(new Grant(Grantee.Group.ALL_USERS, Permission.READ),
                new Grant(new Grantee.CanonicalUser("AUTH_test2", "x"), Permission.READ))), Optional.empty(),
                new PublicAccessBlock(false, true, false, false));
        assertDenied(() -> authorize(null, "GET", "/bkt", ""));
        assertTrue(authorize(OTHER, "GET", "/bkt", "").service());
    }

    @Test
    void aPolicyDenyBeatsAnAclAllowAndTheOwnersOwnUsers() {
        BucketPolicy denyListing = policy(request -> request.action().equals("s3:ListBucket")
                ? PolicyVerdict.DENY : PolicyVerdict.NONE, false);
        owned("bkt", Optional.of(acl(new Grant(Grantee.Group.ALL_USERS, Permission.READ))), Optional.of(denyListing),
                PublicAccessBlock.NONE);
        assertDenied(() -> authorize(null, "GET", "/bkt", ""));
        assertDenied(() -> authorize(TESTER, "GET", "/bkt", ""));
        assertSame(own, authorize(TESTER, "GET", "/bkt/k", "").swift());
    }

    @Test
    void eachKeyOfAMultiDeleteIsDecidedOnItsOwnWithoutReadingTheBucketAgain() {
        List<PolicyRequest> asked = new ArrayList<>();
        owned("bkt", Optional.of(acl(new Grant(new Grantee.CanonicalUser("AUTH_test2", "x"), Permission.WRITE))),
                Optional.of(policy(request -> {
                    asked.add(request);
                    return request.resourceArn().startsWith("arn:aws:s3:::bkt/locked/")
                            && request.action().startsWith("s3:DeleteObject") ? PolicyVerdict.DENY
                            : PolicyVerdict.NONE;
                }, false)), PublicAccessBlock.NONE);
        for (S3Identity caller : List.of(TESTER3, OTHER)) {
            Authorized multiDelete = authorize(caller, "POST", "/bkt", "delete");
            reads.clear();
            asked.clear();
            assertTrue(multiDelete.deletions().allows("open/k", null));
            assertFalse(multiDelete.deletions().allows("locked/k", null), caller.accessKey());
            assertFalse(multiDelete.deletions().allows("locked/k", "v1"));
            assertEquals(List.of("s3:DeleteObject", "s3:DeleteObject", "s3:DeleteObjectVersion"),
                    asked.stream().map(PolicyRequest::action).toList());
            assertEquals("arn:aws:s3:::bkt/open/k", asked.get(0).resourceArn());
            assertEquals(List.of(), reads, "the bucket's state is read once, for the whole request");
        }
        assertTrue(authorize(TESTER, "POST", "/legacy", "delete").deletions().allows("any", "v1"),
                "a bucket without a record is its account's only; nothing there refuses a key");
    }

    @Test
    void aMultiDeleteByAnotherAccountWithoutWriteDeletesNoKey() {
        owned("bkt", Optional.of(acl(new Grant(new Grantee.CanonicalUser("AUTH_test2", "x"), Permission.READ))),
                Optional.empty(), PublicAccessBlock.NONE);
        assertDenied(() -> authorize(OTHER, "POST", "/bkt", "delete"));
        owned("bkt", Optional.empty(), Optional.of(policy(request -> request.resourceArn().equals("arn:aws:s3:::bkt/*")
                ? PolicyVerdict.ALLOW : PolicyVerdict.NONE, false)), PublicAccessBlock.NONE);
        Authorized multiDelete = authorize(OTHER, "POST", "/bkt", "delete");
        assertFalse(multiDelete.deletions().allows("k", null), "each key is decided by its own ARN");
    }

    @Test
    void theOwnersAdministratorCanAlwaysChangeAPolicyThatDeniesEverything() {
        owned("bkt", Optional.empty(), Optional.of(policy(request -> PolicyVerdict.DENY, false)),
                PublicAccessBlock.NONE);
        assertSame(own, authorize(TESTER, "PUT", "/bkt", "policy").swift());
        assertSame(own, authorize(TESTER, "DELETE", "/bkt", "policy").swift());
        assertDenied(() -> authorize(TESTER3, "DELETE", "/bkt", "policy"));
        assertDenied(() -> authorize(TESTER, "GET", "/bkt/k", ""));
    }

    @Test
    void aPolicyAllowLetsInWhatItNamesWithTheRequestsConditionKeys() {
        List<PolicyRequest> asked = new ArrayList<>();
        owned("bkt", Optional.empty(), Optional.of(policy(request -> {
            asked.add(request);
            return request.action().equals("s3:GetObject") ? PolicyVerdict.ALLOW : PolicyVerdict.NONE;
        }, true)), PublicAccessBlock.NONE);
        assertTrue(authorize(null, "GET", "/bkt/dir/k", "").service());
        assertEquals("arn:aws:s3:::bkt/dir/k", asked.get(0).resourceArn());
        assertEquals(List.of("127.0.0.1"), asked.get(0).conditionKeys().get("aws:sourceip"));
        assertEquals(List.of("false"), asked.get(0).conditionKeys().get("aws:securetransport"));
        assertDenied(() -> authorize(null, "PUT", "/bkt/k", ""));
    }

    @Test
    void listingConditionKeysAndVersionActionsReachThePolicy() {
        List<PolicyRequest> asked = new ArrayList<>();
        owned("bkt", Optional.empty(), Optional.of(policy(request -> {
            asked.add(request);
            return PolicyVerdict.ALLOW;
        }, false)), PublicAccessBlock.NONE);
        authorize(OTHER, "GET", "/bkt", "prefix=home%2F&delimiter=%2F&max-keys=5");
        assertEquals("s3:ListBucket", asked.get(0).action());
        assertEquals("arn:aws:s3:::bkt", asked.get(0).resourceArn());
        assertEquals(List.of("home/"), asked.get(0).conditionKeys().get("s3:prefix"));
        assertEquals(List.of("/"), asked.get(0).conditionKeys().get("s3:delimiter"));
        assertEquals(List.of("5"), asked.get(0).conditionKeys().get("s3:max-keys"));
        assertEquals(List.of("tester2"), asked.get(0).conditionKeys().get("aws:username"));
        authorize(OTHER, "GET", "/bkt/k", "versionId=v1");
        assertEquals("s3:GetObjectVersion", asked.get(1).action());
    }

    @Test
    void restrictPublicBucketsLimitsAPublicPolicyToTheOwnersAccount() {
        owned("bkt", Optional.empty(), Optional.of(policy(request -> PolicyVerdict.ALLOW, true)),
                new PublicAccessBlock(false, false, false, true));
        assertDenied(() -> authorize(null, "GET", "/bkt/k", ""));
        assertDenied(() -> authorize(OTHER, "GET", "/bkt/k", ""));
        assertSame(own, authorize(TESTER, "GET", "/bkt/k", "").swift());
    }

    @Test
    void bucketOwnerEnforcedTurnsAclsOff() {
        buckets.put("bkt", new BucketAccess(Optional.of(OWNER),
                Optional.of(acl(new Grant(Grantee.Group.ALL_USERS, Permission.READ))), Optional.empty(),
                PublicAccessBlock.NONE, ObjectOwnership.BUCKET_OWNER_ENFORCED));
        assertDenied(() -> authorize(null, "GET", "/bkt", ""));
    }

    @Test
    void withoutAServiceIdentityNothingLeavesItsOwnAccount() {
        owned("pub", Optional.of(acl(new Grant(Grantee.Group.ALL_USERS, Permission.READ))), Optional.empty(),
                PublicAccessBlock.NONE);
        var alone = new Authorizer(lookup, false);
        assertDenied(() -> alone.authorize(S3Operation.LIST_OBJECTS, input(null, request("GET", "/pub", ""))));
        assertSame(own, alone.authorize(S3Operation.LIST_OBJECTS, input(TESTER, request("GET", "/pub", "")))
                .swift());
    }

    @Test
    void aBucketWithoutARecordIsItsOwnAccountsOnlyAndServiceRequestsNeedAnIdentity() {
        assertSame(own, authorize(OTHER, "GET", "/legacy/k", "").swift());
        assertDenied(() -> authorize(null, "GET", "/legacy/k", ""));
        assertSame(own, authorize(OTHER, "GET", "/", "").swift());
        assertDenied(() -> authorize(null, "GET", "/", ""));
        assertDenied(() -> authorize(null, "PUT", "/newbucket", ""));
        assertFalse(reads.contains("newbucket"), "CreateBucket is decided by the registry's claim");
    }

    @Test
    void changingTheAccessDocumentsForgetsTheBucket() {
        authorizer.changed(S3Operation.PUT_BUCKET_ACL, "bkt");
        authorizer.changed(S3Operation.PUT_OBJECT, "c");
        assertEquals(List.of("forget bkt"), reads);
    }

    private void owned(String bucket, Optional<AccessControlList> acl, Optional<BucketPolicy> policy,
            PublicAccessBlock block) {
        buckets.put(bucket, new BucketAccess(Optional.of(OWNER), acl, policy, block, ObjectOwnership.OBJECT_WRITER));
    }

    private static AccessControlList acl(Grant... grants) {
        List<Grant> all = new ArrayList<>(List.of(new Grant(OWNER_USER, Permission.FULL_CONTROL)));
        all.addAll(List.of(grants));
        return new AccessControlList(OWNER_USER, all);
    }

    private static BucketPolicy policy(Function<PolicyRequest, PolicyVerdict> verdicts, boolean isPublic) {
        return new BucketPolicy() {
            @Override
            public PolicyVerdict evaluate(PolicyRequest request) {
                return verdicts.apply(request);
            }

            @Override
            public boolean isPublic() {
                return isPublic;
            }

            @Override
            public String text() {
                return "{}";
            }
        };
    }

    private Authorized authorize(S3Identity identity, String method, String path, String query) {
        S3Request request = request(method, path, query);
        return authorizer.authorize(S3OperationClassifier.classify(request), input(identity, request));
    }

    private Authorized authorizeCopy(String path, String source) {
        S3Request request = new S3RequestParser().parse(new RequestHead("PUT", path, null,
                Map.of("x-amz-copy-source", List.of(source))));
        return authorizer.authorize(S3Operation.COPY_OBJECT, input(OTHER, request));
    }

    private AccessRequest input(S3Identity identity, S3Request request) {
        OtherAccounts accounts = account -> {
            reached.add(account);
            return service;
        };
        return identity == null
                ? new AccessRequest(request, Optional.empty(), Optional.empty(), accounts, "127.0.0.1", false)
                : new AccessRequest(request, Optional.of(identity), Optional.of(own), accounts, "127.0.0.1", false);
    }

    private static S3Request request(String method, String path, String query) {
        return new S3RequestParser().parse(new RequestHead(method, path, query.isEmpty() ? null : query, Map.of()));
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
        S3Exception denied = assertThrows(S3Exception.class, call);
        assertEquals(S3ErrorCode.ACCESS_DENIED, denied.code());
    }
}
