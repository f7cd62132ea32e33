/**
 * The storage contract: everything that defines what s3multi writes into Swift, and the one place that spells it.
 * Other stages (DeleteObject, PutObject overwriting a multipart object, bucket deletion, the native Swift API
 * guard), other gateways in front of the same Swift and future versions of the gateway read what is written here;
 * change it only with a migration.
 * <ul>
 *   <li>{@link io.s3multi.s3.contract.ReservedMetadata}: every reserved metadata name
 *       ({@code X-Object-Meta-S3multi-*}) on objects, upload markers and claims, and how to tell a reserved name
 *       in any spelling;</li>
 *   <li>{@link io.s3multi.s3.contract.ListingEtag}: the {@code s3multi_etag} content-type parameter;</li>
 *   <li>{@link io.s3multi.s3.contract.SegmentsLayout}: the names in {@code <bucket>_segments}, with
 *       {@link io.s3multi.s3.contract.UploadId} and {@link io.s3multi.s3.contract.PartAttempt};</li>
 *   <li>{@link io.s3multi.s3.contract.UploadInfo}: an upload's marker, and the headers of the manifest Complete
 *       writes; {@link io.s3multi.s3.contract.PartContentType} and
 *       {@link io.s3multi.s3.contract.ContentTypeParameters}: what rides in content types;</li>
 *   <li>{@link io.s3multi.s3.contract.StoredTags}: object tags as reserved object metadata, bucket tags as reserved
 *       container metadata ({@code X-Container-Meta-S3multi-Tags-*});</li>
 *   <li>{@link io.s3multi.s3.contract.StoredAcl}: an object's own ACL as reserved object metadata (a bucket's is
 *       in the registry, {@link io.s3multi.s3.contract.RegistryLayout});</li>
 *   <li>{@link io.s3multi.s3.contract.ObjectLockState}, {@link io.s3multi.s3.contract.BucketLockConfiguration}:
 *       Object Lock, per version as reserved object metadata, per bucket as reserved container metadata (no side
 *       objects: nothing of Object Lock lives in {@code b_segments});</li>
 *   <li>{@link io.s3multi.s3.contract.RegistryLayout}: the bucket registry's account.</li>
 * </ul>
 * Classes here are pure: names, shapes, parsing and formatting, no requests to Swift and no S3 operation logic
 * (those are in {@code io.s3multi.s3.multipart} and {@code io.s3multi.s3.handler}, which depend on this package,
 * never the other way round).
 *
 * <h2>Storage layout</h2>
 * <pre>
 * container b                       (the bucket)
 *                                    X-Container-Meta-S3multi-Tags-1, -2, ...: the bucket's tags (if any)
 *                                    X-Container-Meta-S3multi-Object-Lock: Enabled [GOVERNANCE|COMPLIANCE
 *                                      Days|Years n] (Object Lock; with it X-Versions-Enabled: true)
 *   k                                SLO manifest of the completed object
 *                                      Content-Type: &lt;client type&gt;;s3multi_etag=&lt;md5-of-md5s&gt;-N
 *                                        (so bucket listings show the S3 ETag)
 *                                      X-Object-Meta-S3multi-Etag: &lt;md5-of-md5s&gt;-N
 *                                      X-Object-Meta-S3multi-Upload-Id: &lt;upload id&gt;
 *                                      X-Object-Meta-S3multi-Parts-Count: N
 *                                      X-Object-Meta-S3multi-Object: hex sha256 of "b/k" (binds it to its key)
 *                                      X-Object-Meta-S3multi-Checksum-&lt;Alg&gt;, -Checksum-Type (if any)
 *                                      X-Object-Meta-S3multi-Tags-1, -2, ...: the tags, form-encoded (if any)
 *                                      X-Object-Meta-S3multi-Lock-Mode, -Lock-Retain-Until (ISO-8601),
 *                                        -Lock-Legal-Hold: ON (Object Lock of this version, if any; on every
 *                                        object the gateway writes, multipart or not)
 *                                      X-Object-Meta-S3multi-Acl-1, -2, ...: the object's own ACL (if any; on
 *                                        every object the gateway writes with an ACL, multipart or not)
 *                                      X-Object-Meta-&lt;name&gt; (x-amz-meta-*), Cache-Control, ...
 *
 * container b_segments              (created by the first CreateMultipartUpload, with b's X-Storage-Policy,
 *                                    X-Container-Read and X-Container-Write; those two ACLs follow b's: see
 *                                    multipart's SegmentsAcl and proxy_server's SegmentsAclMirror)
 *   uploads/&lt;key&gt;␁␁&lt;upload id&gt;       marker: one per upload in progress, empty body
 *                                      Content-Type: application/x-s3multi-upload;initiator=..;initiator-id=..;
 *                                        checksum=.. (initiator: display name; initiator-id: the user's ARN or
 *                                        anonymous, missing on markers older than it)
 *                                        or, once completed but not yet cleaned up (see "Left for the sweeper"):
 *                                        application/x-s3multi-upload;finished=completed (and no metadata)
 *                                        or, while an abort deletes the upload (or after it died doing so):
 *                                        application/x-s3multi-upload;finished=aborted (and no metadata)
 *                                      X-Object-Meta-S3multi-Key / -Initiator / -Initiator-Id / -Content-Type /
 *                                        -Header-*
 *                                      X-Object-Meta-S3multi-Checksum-Algorithm / -Checksum-Type
 *                                      X-Object-Meta-S3multi-Tags-1, ... (x-amz-tagging for the object to be)
 *                                      X-Object-Meta-S3multi-Lock-* (x-amz-object-lock-* for the object to be)
 *                                      X-Object-Meta-S3multi-Acl-1, ... (x-amz-acl / -grant-* for the object to be)
 *                                      X-Object-Meta-&lt;name&gt; (x-amz-meta-* for the object to be)
 *   parts/&lt;upload id&gt;/00001/&lt;attempt&gt;  one attempt to upload part 1 (its ETag is its MD5); every UploadPart
 *                                      and UploadPartCopy request writes its own: &lt;attempt&gt; is 14 base32hex
 *                                      characters, the time the attempt began (ms) and 20 random bits
 *                                      Content-Type: application/x-s3multi-part;checksum=&lt;ALG&gt;:&lt;base64&gt;
 *                                      X-Object-Meta-S3multi-Checksum-&lt;Alg&gt;: &lt;base64&gt;
 *   parts/&lt;upload id&gt;/00001/&lt;later&gt;    a retry of part 1: attempts of a part list oldest first
 *   parts/&lt;upload id&gt;/00002/... ...  zero-padded to 5 digits: listing order = numeric order
 *   parts/&lt;upload id&gt;/00003          a part written before attempts had names of their own (gateways
 *                                      before this layout); read as the oldest attempt of part 3, never written
 *   parts/&lt;upload id&gt;/patching       exists only while a tus PATCH writes the upload's next parts: a claim
 *                                      as below (State: PATCHING); no part, deleted with the parts
 *   manifests/&lt;upload id&gt;/1-00000     sub-manifest (level 1, index 0), only when N &gt; max_manifest_segments
 *   claims/&lt;upload id&gt;                exists only while a Complete or an Abort works on the upload
 *                                      Content-Type: application/x-s3multi-claim
 *                                      X-Object-Meta-S3multi-State: COMPLETING | ABORTING
 *                                      X-Object-Meta-S3multi-Claim-Token: &lt;random, one per holder&gt;
 *                                      X-Object-Meta-S3multi-Claim-Refreshed: &lt;ms since the epoch&gt;
 *                                        (refreshed by its holder every quarter of claim_timeout; stale
 *                                        after claim_timeout, 8 s by default)
 *   aborts/&lt;upload id&gt;                written by whatever aborts the upload and deletes its parts (Abort, tus
 *                                      termination, lifecycle, the admin tool, a processing step's delete
 *                                      verdict, the sweeper, a Complete rolling back) before it deletes the
 *                                      marker; one name per upload, never withdrawn. Empty, Content-Type:
 *                                      application/x-s3multi-aborted, X-Delete-After: two days (Swift's object
 *                                      expirer removes it where no sweeper runs; the sweeper after its grace
 *                                      period). A Complete that finds the marker gone behind its manifest HEADs
 *                                      it (never lists it: listings lag) and rolls back only if it is there
 *                                      (else another Complete finished the upload: it keeps the object)
 *   aborts/&lt;upload id&gt;/&lt;token&gt;        the previous release's trace, one per abort (&lt;token&gt;: 32 hex digits),
 *                                      found through a listing; no longer written nor read by Complete,
 *                                      removed by the sweeper or Swift's object expirer like the above
 *   processing/&lt;upload id&gt;            only with processing steps configured (docs/PROCESSING.md): JSON
 *                                      {"state":"PROCESSING|REJECTED","step":..,"reason":..,"passed":[..]},
 *                                      written by Complete before and after each step, so a retried Complete
 *                                      (any gateway) resumes after the passed steps; deleted with the marker
 *                                      once published, by Abort; kept (REJECTED) when a step rejected the
 *                                      upload, so its status keeps answering why
 * </pre>
 * {@code ␁} is U+0001; a U+0001 inside a key is written U+0001 U+0002
 * ({@link io.s3multi.s3.contract.SegmentsLayout}).
 *
 * <h2>Why this layout</h2>
 * <ul>
 *   <li><b>Markers and parts under different prefixes</b>: ListMultipartUploads lists {@code uploads/} and never
 *       sees a part; ListParts lists {@code parts/<id>/} with {@code marker} and {@code limit = page + 1}:
 *       one Swift call per page, whatever the number of parts stored (Swift's s3api lists every part for every
 *       page). ListMultipartUploads costs one call per page plus one per common prefix returned
 *       ({@link io.s3multi.s3.multipart.UploadsPage}).</li>
 *   <li><b>Marker names sort as S3 lists uploads</b>, by key then initiation time: the separator U+0001 U+0001 is
 *       smaller than any byte a longer key can continue with (so {@code a} lists before {@code a/b} and
 *       {@code a }), and upload ids are time-ordered base32hex ({@link io.s3multi.s3.contract.UploadId}).
 *       Key prefixes stay name prefixes, so S3's {@code prefix} is Swift's; the delimiter is applied by the
 *       gateway.</li>
 *   <li><b>Parts are named by upload id, not key</b>: segment names stay short (a 1024-byte key does not make
 *       2048-byte segment names) and an upload's parts are found without knowing its key.</li>
 *   <li><b>Every attempt has a name of its own</b>: an SDK retries a slow UploadPart, and the slow first attempt
 *       may land after the retry succeeded and the upload was completed. With one name per part it would write
 *       over, and then delete, the segment the manifest names. With a name per attempt it can only ever touch its
 *       own segment ({@link io.s3multi.s3.multipart.LateAttempt}). ListParts shows the latest attempt of each part
 *       (the last listed, as AWS shows the last upload of a part), one page-sized listing per page in the usual
 *       case ({@link io.s3multi.s3.multipart.PartsPage}); Complete chooses, per part, the attempt whose ETag the
 *       client names (the latest of equal ones).</li>
 *   <li><b>Initiator and checksum in content types</b>: Swift lists content types verbatim, so both listings
 *       answer without a HEAD per entry.</li>
 * </ul>
 *
 * <h2>What is the gateway's to delete</h2>
 * Reserved metadata ({@code X-Object-Meta-S3multi-*}, the {@code s3multi_etag} content-type parameter) cannot be
 * written through the gateway: S3 refuses it in every spelling, the native Swift API path drops it and blanks it on
 * copies ({@link io.s3multi.s3.contract.ReservedMetadata}). It can still travel (a symlink shows its target's),
 * so segments go with an object only when {@link io.s3multi.s3.multipart.CompletedManifest} verifies the object as
 * the manifest a Complete wrote at that very key: a Static Large Object whose {@code -Object} binding is this bucket
 * and key, whose {@code -Upload-Id} is well-formed, and whose manifest (nested manifests walked) names only
 * {@code b_segments/parts/<id>/...} and {@code b_segments/manifests/<id>/...}. Then everything under those two
 * prefixes goes, and the claim. Any other object, a Static Large Object written with the Swift API in particular,
 * loses its manifest only, wherever its segments are: Swift's {@code ?multipart-manifest=delete} is never used,
 * because it deletes whatever a manifest names in any container the caller can write. Consequences: an object
 * completed before the binding existed, or whose reserved metadata a native {@code POST} replaced (Swift's POST
 * replaces all metadata, and the gateway drops reserved names from it), keeps its segments when deleted; they are
 * left to the sweeper of stale upload state. (Its S3 ETag survives such a POST in the content type, see
 * {@link io.s3multi.s3.operation.StoredObject}.)
 *
 * <h2>No orphans</h2>
 * Abort marks the marker aborted, looks at the key, and, unless the key already shows this upload's manifest (a
 * Complete of another gateway owns the parts then; the abort marks the marker finished again), deletes every attempt
 * and sub-manifest, leaves its trace ({@code aborts/<id>}) and deletes the marker. A Complete that finds the marker
 * aborted after writing its manifest, or finished or gone with the trace there (a HEAD of its name), rolls back
 * (its trace, manifest, parts, sub-manifests, marker); without one, another Complete finished the upload, and it
 * answers as a retry would, keeping everything. After writing its manifest, Complete marks the
 * marker finished, then deletes every attempt it did not choose (listed again after the marking), then the marker,
 * then what an overwritten multipart object kept ({@link io.s3multi.s3.multipart.UploadState#deleteObjectSegments})
 * — once the new manifest is durable; each step is retried briefly. A part attempt that lands after its upload was
 * marked finished or deleted deletes its own segment, unless the manifest at the key names it. Deleting a multipart
 * object deletes its manifest, then its upload's parts and sub-manifests (verified as above).
 *
 * <p>With versioning (Swift's object versioning on the bucket's container) the rule is: no orphans once the last
 * version that names a segment is gone, and no segment deleted before. An overwrite, a Complete or a delete without
 * version id cleans up only the null version, and only when Swift really replaced it (no version id in its answer;
 * a Complete asks whether the old object's timestamp became a version id); a versioned object keeps its segments as
 * a noncurrent version. {@code DELETE ?versionId=} of a multipart version deletes the version, then its upload's
 * parts and sub-manifests, verified as above on that version's own headers and manifest.
 *
 * <h2>Left for the sweeper</h2>
 * When Swift keeps failing a clean-up, or a gateway dies in the middle of one, what is left is recognisable without
 * any state outside Swift, and the orphan sweeper ({@code io.s3multi.s3.sweep.OrphanSweeper}, docs/BACKGROUND.md)
 * removes it once it is older than its grace period. A name under {@code parts/<id>/} or {@code manifests/<id>/} is
 * "named" when some version of some object of the bucket is an SLO whose manifest (sub-manifests followed) lists
 * it. The sweeper recognises exactly the names this layout writes
 * ({@link io.s3multi.s3.contract.SegmentsLayout#parse}); it leaves every other name in {@code b_segments} alone, so features that keep side objects there use prefixes of
 * their own, declared in {@link io.s3multi.s3.contract.SegmentsLayout}.
 * <ul>
 *   <li>A marker whose content type carries {@code finished=aborted} belongs to an upload whose abort did not end
 *       (Swift failed it, or its gateway died): the sweeper treats it as below, as a finished upload whose key
 *       holds no manifest of it, so everything of the upload goes; AbortMultipartUpload of it aborts it again to
 *       the end, and everything else answers NoSuchUpload.</li>
 *   <li>A marker whose content type carries {@code finished=completed} belongs to a completed upload: its name
 *       gives the key and the upload id. The sweeper deletes every name under {@code parts/<upload id>/} and
 *       {@code manifests/<upload id>/} that the manifest at the key does not name (read with
 *       {@code ?multipart-manifest=get}, following sub-manifests under {@code manifests/<upload id>/}); all of
 *       them if the key holds no manifest of this upload (deleted or overwritten since); then
 *       {@code claims/<upload id>} and the marker. Such a marker is never shown by ListMultipartUploads, and
 *       UploadPart and Abort answer NoSuchUpload for it; a retried Complete answers as the first did and finishes
 *       the clean-up itself (the same deletions, the marker last).</li>
 *   <li>A marker that could be neither marked nor deleted (Swift refused every write) still shows the upload in
 *       progress: a retried Complete finishes it again; an Abort finds the upload's manifest at the key and leaves
 *       the parts (NoSuchUpload). A lifecycle rule that aborts stale uploads must make the same check before it
 *       deletes parts.</li>
 *   <li>Should the marking fail and only the marker's DELETE go through, attempts whose deletion then also failed
 *       cannot be told, by their names alone, from those of a completed object (the key is not in them): the
 *       WARN line of {@code CleanUpRetry} names the bucket, key and upload. Names under
 *       {@code parts/<upload id>/} or {@code manifests/<upload id>/} of an upload without marker and without an
 *       object made from it are leftovers of an aborted upload.</li>
 *   <li>{@code claims/<upload id>} not refreshed for the claim timeout: its holder died. Without a marker the sweeper
 *       deletes it. With an open marker a Complete or Abort died holding it: the sweeper finishes it, under the
 *       upload's lock, as it would have ({@link io.s3multi.s3.multipart.AbandonedFinish}): the Complete's clean-up
 *       when a manifest names the upload's parts, the Abort when the claim says {@code ABORTING}; otherwise the
 *       upload stays open and only the claim goes.</li>
 * </ul>
 */
package io.s3multi.s3.contract;
