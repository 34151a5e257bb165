package io.github.nbworkbench.kernel.magic;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependencies and repositories of a POM, or of a fragment of one as IJava's {@code %%loadFromPOM}
 * takes it: {@code <dependency>} and {@code <repository>} elements, loose or in their
 * {@code <dependencies>}/{@code <repositories>} lists, or a whole {@code <project>} (whose
 * {@code <properties>} fill in {@code ${...}} in versions). Test and provided dependencies are left out,
 * as Maven leaves them out of a runtime classpath.
 */
record PomDependencies(List<String> coordinates, List<Repository> repositories, List<String> skipped) {
    private static final Set<String> NOT_AT_RUNTIME = Set.of("test", "provided");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    record Repository(String id, String url) {
    }

    static PomDependencies parse(String xml) {
        Element container = document(xml).getDocumentElement();
        Map<String, String> properties = properties(container);
        List<String> coordinates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Element dependency : children(container, "dependencies", "dependency")) {
            String scope = text(dependency, "scope", "compile", properties);
            String coordinate = coordinate(dependency, properties);
            (NOT_AT_RUNTIME.contains(scope) ? skipped : coordinates).add(coordinate);
        }
        List<Repository> repositories = new ArrayList<>();
        for (Element repository : children(container, "repositories", "repository")) {
            String url = required(repository, "url", "repository", properties);
            repositories.add(new Repository(text(repository, "id", url, properties), url));
        }
        if (coordinates.isEmpty() && skipped.isEmpty() && repositories.isEmpty()) {
            throw new MagicException("%%loadFromPOM found no <dependency> or <repository> in the cell. Write them as in a "
                    + "pom.xml, e.g.\n%%loadFromPOM\n<dependency>\n  <groupId>org.apache.commons</groupId>\n"
                    + "  <artifactId>commons-text</artifactId>\n  <version>1.10.0</version>\n</dependency>");
        }
        return new PomDependencies(coordinates, repositories, skipped);
    }

    private static Document document(String xml) {
        String body = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader("<pom>" + body + "</pom>")));
        } catch (SAXException e) {
            throw new MagicException("The POM is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new MagicException(e);
        }
    }

    /** {@code name} elements directly in the container, in its {@code list} element, or in a {@code <project>}'s. */
    private static List<Element> children(Element root, String list, String name) {
        List<Element> found = new ArrayList<>();
        for (Element container : containers(root)) {
            found.addAll(childElements(container, name));
            for (Element listElement : childElements(container, list)) {
                found.addAll(childElements(listElement, name));
            }
        }
        return found;
    }

    private static List<Element> containers(Element root) {
        List<Element> containers = new ArrayList<>(List.of(root));
        containers.addAll(childElements(root, "project"));
        return containers;
    }

    private static Map<String, String> properties(Element root) {
        Map<String, String> properties = new HashMap<>();
        for (Element container : containers(root)) {
            for (String field : List.of("groupId", "artifactId", "version")) {
                childElements(container, field).forEach(e -> properties.put("project." + field, e.getTextContent().strip()));
            }
            for (Element list : childElements(container, "properties")) {
                for (Element property : childElements(list, null)) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        return properties;
    }

    private static String coordinate(Element dependency, Map<String, String> properties) {
        String group = required(dependency, "groupId", "dependency", properties);
        String artifact = required(dependency, "artifactId", "dependency", properties);
        String version = required(dependency, "version", "dependency " + group + ":" + artifact, properties);
        String type = text(dependency, "type", "jar", properties);
        String classifier = text(dependency, "classifier", "", properties);
        return classifier.isEmpty() ? String.join(":", group, artifact, type, version)
                : String.join(":", group, artifact, type, classifier, version);
    }

    private static String required(Element element, String field, String what, Map<String, String> properties) {
        String value = text(element, field, null, properties);
        if (value == null) {
            throw new MagicException("A <" + element.getTagName() + "> (" + what + ") has no <" + field + ">; "
                    + "%%loadFromPOM needs it (versions managed by a parent POM are not looked up).");
        }
        return value;
    }

    private static String text(Element element, String field, String otherwise, Map<String, String> properties) {
        List<Element> values = childElements(element, field);
        if (values.isEmpty()) {
            return otherwise;
        }
        Matcher property = PROPERTY.matcher(values.get(0).getTextContent().strip());
        StringBuilder value = new StringBuilder();
        while (property.find()) {
            String replacement = properties.get(property.group(1));
            if (replacement == null) {
                throw new MagicException("${" + property.group(1) + "} in <" + field + "> is not defined in the POM's <properties>.");
            }
            property.appendReplacement(value, Matcher.quoteReplacement(replacement));
        }
        return property.appendTail(value).toString();
    }

    private static List<Element> childElements(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (name == null || name.equals(element.getTagName()))) {
                elements.add(element);
            }
        }
        return elements;
    }
}
