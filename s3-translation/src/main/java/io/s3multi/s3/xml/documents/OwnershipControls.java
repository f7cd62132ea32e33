package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The body of PutBucketOwnershipControls and the answer to the Get: rules, each one {@code ObjectOwnership}. */
@XmlRootElement(name = "OwnershipControls")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "OwnershipControls")
public final class OwnershipControls {

    @XmlElement(name = "Rule") private List<Rule> rules = new ArrayList<>();

    public OwnershipControls() {
    }

    /** One rule naming {@code objectOwnership} ({@code BucketOwnerEnforced}, ...). */
    public static OwnershipControls of(String objectOwnership) {
        OwnershipControls controls = new OwnershipControls();
        controls.rules.add(new Rule(objectOwnership));
        return controls;
    }

    public List<Rule> rules() {
        return Collections.unmodifiableList(rules);
    }

    /** A {@code <Rule>}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OwnershipControlsRule")
    public static final class Rule {

        @XmlElement(name = "ObjectOwnership") private String objectOwnership;

        private Rule() {
        }

        public Rule(String objectOwnership) {
            this.objectOwnership = objectOwnership;
        }

        public String objectOwnership() {
            return objectOwnership;
        }
    }
}
