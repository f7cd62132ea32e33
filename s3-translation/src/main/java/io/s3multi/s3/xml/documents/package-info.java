/**
 * The S3 XML documents, one class each, bound with JAXB to the S3 namespace
 * ({@code http://s3.amazonaws.com/doc/2006-03-01/}) as the default namespace, so they are written without any
 * prefix. Read and write them only through {@link io.s3multi.s3.xml.S3Xml}.
 *
 * <p>Conventions, the same in every class:
 * <ul>
 *   <li>fields carry the bindings ({@code @XmlAccessorType(FIELD)}), an explicit {@code propOrder} fixes AWS's
 *       element order, and a null field is simply not written;</li>
 *   <li>{@code name(value)} sets a value and returns the document, so a handler can build a response in one
 *       expression; {@code addX(...)} appends to a repeated element; {@code name()} reads a value where the
 *       gateway or its tests read it (documents the gateway only writes have few readers); lists are returned
 *       read-only;</li>
 *   <li>elements that several documents share live in one {@code @XmlTransient} base class
 *       ({@link io.s3multi.s3.xml.documents.KeyListing}, {@link io.s3multi.s3.xml.documents.ObjectListing},
 *       {@link io.s3multi.s3.xml.documents.ListedObject}, {@link io.s3multi.s3.xml.documents.UploadDescription},
 *       {@link io.s3multi.s3.xml.documents.CopyResult},
 *       {@link io.s3multi.s3.xml.documents.ChecksumFields}); each subclass's {@code propOrder} still names every
 *       element, so the order AWS writes stays visible in one place;</li>
 *   <li>no records: JAXB binds neither records nor final fields, and every document must read back what it
 *       wrote;</li>
 *   <li>documents that arrive in request bodies keep numbers as text and parse them strictly in their accessors,
 *       because JAXB silently wraps an out-of-range {@code int} (99999999999 becomes 1215752191);</li>
 *   <li>every {@link java.time.Instant} is written as AWS writes times, {@code 2009-10-12T17:50:30.000Z}
 *       ({@link io.s3multi.s3.xml.documents.InstantAdapter}), and every string is made safe for XML 1.0
 *       ({@link io.s3multi.s3.xml.documents.XmlTextAdapter}).</li>
 * </ul>
 * Nested types get explicit, unique XML type names so that any set of documents can share a JAXB context.
 */
@XmlSchema(namespace = S3Xml.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "", namespaceURI = S3Xml.NAMESPACE))
@XmlJavaTypeAdapters({
        @XmlJavaTypeAdapter(type = Instant.class, value = InstantAdapter.class),
        @XmlJavaTypeAdapter(type = String.class, value = XmlTextAdapter.class)
})
package io.s3multi.s3.xml.documents;

import io.s3multi.s3.xml.S3Xml;
import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapters;
import java.time.Instant;
