package xs.interp.filters;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * xml_decode in the shape Xano documents: each element becomes
 * {@code {name: {"@attributes": …, "value": …}}}, where "@attributes" is an object of the
 * attributes ([] when there are none, as PHP encodes an empty array) and "value" is the text
 * of a leaf element or an array of the child elements (with any non-blank text between them
 * as text entries). {@code <root><a>1</a></root>} gives
 * {@code {"root":{"@attributes":[],"value":[{"a":{"@attributes":[],"value":"1"}}]}}}.
 * Document types are refused, so no entity can reach outside the text.
 */
final class XmlDecoder {
    private XmlDecoder() {
    }

    static Object decode(FilterCall c, String xml) {
        Document doc;
        try {
            doc = builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw c.error("invalid XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw c.error("invalid XML: " + e.getMessage());
        }
        return element(doc.getDocumentElement());
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setCoalescing(true);
            DocumentBuilder b = f.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" lines to stderr; report through the exception only.
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    private static Map<String, Object> element(Element e) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@attributes", attributes(e));
        node.put("value", value(e));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(e.getTagName(), node);
        return out;
    }

    private static Object attributes(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        if (attrs.getLength() == 0) {
            return new ArrayList<>();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            out.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
        }
        return out;
    }

    private static Object value(Element e) {
        NodeList children = e.getChildNodes();
        boolean hasElements = false;
        for (int i = 0; i < children.getLength(); i++) {
            hasElements |= children.item(i).getNodeType() == Node.ELEMENT_NODE;
        }
        if (!hasElements) {
            return e.getTextContent();
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add(element((Element) n));
            } else if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !n.getNodeValue().isBlank()) {
                out.add(n.getNodeValue().strip());
            }
        }
        return out;
    }
}
