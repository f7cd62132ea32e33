/**
 * The S3 XML documents, one class each, bound with JAXB to the S3 namespace
 * ({@code http://s3.amazonaws.com/doc/2006-03-01/}) as the default namespace, so they are written without any
 * prefix. Read and write them only through {@link io.s3multi.s3.xml.S3Xml}.
 *
 * <p>Conventions, the same in every class:
 * <ul>
 *   <li>fields carry the bindings ({@code @XmlAccessorType(FIELD)}), an explicit {@code propOrder} fixes AWS's
 *       element order, and a null field is simply not written;</li>
 *   <li>{@code name()} reads a value, {@code name(value)} sets it and returns the document, so a handler can build
 *       a response in one expression; {@code addX(...)} appends to a repeated element; lists are returned
 *       read-only;</li>
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
