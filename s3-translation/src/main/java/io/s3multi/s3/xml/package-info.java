/**
 * S3 XML in and out: {@link io.s3multi.s3.xml.S3Xml} writes the response documents and reads untrusted request
 * bodies (DTDs refused, size capped, bodies without {@code xmlns} accepted); the documents themselves are in
 * {@code io.s3multi.s3.xml.documents}.
 *
 * <p>The {@code <Error>} document is deliberately not here: it is un-namespaced and must render even when
 * everything else failed, so {@link io.s3multi.s3.error.S3ErrorXml} writes it as text.
 */
package io.s3multi.s3.xml;
