package no.forlop.npr;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates the two documents of a delivery against Forløp's own schemas ({@code
 * npr/pathway-codes-1.xsd}, {@code npr/person-identification-1.xsd}). External entities and schemas
 * are not fetched. Problems in the identification document are reported without the values (they
 * are identity numbers).
 */
final class NprSchemas {

  static final String CODES_XSD = "npr/pathway-codes-1.xsd";
  static final String IDENTITIES_XSD = "npr/person-identification-1.xsd";

  private final Schema codes;
  private final Schema identities;

  NprSchemas() {
    codes = load(CODES_XSD);
    identities = load(IDENTITIES_XSD);
  }

  /** The problems of a pathway-code document; empty when it is valid. */
  List<String> problemsOfMessage(String xml) {
    return validate(codes, xml, false);
  }

  /** The problems of an identification document, without the values; empty when it is valid. */
  List<String> problemsOfIdentities(String xml) {
    return validate(identities, xml, true);
  }

  private static List<String> validate(Schema schema, String xml, boolean withoutValues) {
    var problems = new ArrayList<String>();
    var validator = schema.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
              problems.add(describe(e, withoutValues));
            }

            @Override
            public void fatalError(SAXParseException e) {
              problems.add(describe(e, withoutValues));
            }
          });
      validator.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      if (problems.isEmpty()) {
        problems.add(describe(e, withoutValues));
      }
    } catch (SAXException | IOException e) {
      problems.add("not readable as XML");
    }
    return problems;
  }

  private static String describe(SAXParseException e, boolean withoutValues) {
    var message = e.getMessage() == null ? "invalid" : e.getMessage();
    if (withoutValues) {
      // "cvc-pattern-valid: Value '…' is not facet-valid …": keep the rule, drop the value
      int colon = message.indexOf(':');
      message = (colon > 0 ? message.substring(0, colon) : "invalid") + " (value not shown)";
    }
    return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + message;
  }

  private static Schema load(String resource) {
    var url = NprSchemas.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("schema " + resource + " is missing");
    }
    try {
      var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newSchema(url);
    } catch (SAXException e) {
      throw new IllegalStateException("schema " + resource + " is not a valid XML schema", e);
    }
  }
}
