package org.vaml4j.sim;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** A minimal element tree read with the JDK's SAX parser, keeping each element's line number. */
final class XmlTree {

    /** One element: tag, attributes in document order, line of its start tag, children. */
    record Node(String tag, Map<String, String> attrs, int line, List<Node> children) {}

    private XmlTree() {}

    /** Parses {@code in}; malformed XML becomes an IllegalArgumentException naming the source and line. */
    static Node parse(InputStream in, String source) throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Handler h = new Handler();
            f.newSAXParser().parse(in, h);
            if (h.root == null) throw new IllegalArgumentException(source + ": no root element");
            return h.root;
        } catch (SAXParseException e) {
            throw new IllegalArgumentException(source + ": line " + e.getLineNumber() + ": malformed XML: "
                    + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException(source + ": malformed XML: " + e.getMessage(), e);
        }
    }

    private static final class Handler extends DefaultHandler {
        private Locator locator;
        private final Deque<Node> open = new ArrayDeque<>();
        private Node root;

        @Override
        public void setDocumentLocator(Locator l) {
            locator = l;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < a.getLength(); i++) attrs.put(a.getQName(i), a.getValue(i));
            Node n = new Node(qName, Collections.unmodifiableMap(attrs), locator == null ? -1 : locator.getLineNumber(),
                    new ArrayList<>());
            if (open.isEmpty()) root = n;
            else open.peek().children().add(n);
            open.push(n);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            for (int i = start; i < start + length; i++) {
                if (!Character.isWhitespace(ch[i])) {
                    Node n = open.peek();
                    throw new SAXParseException("unexpected text inside <" + (n == null ? "?" : n.tag()) + ">", locator);
                }
            }
        }
    }
}
