// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The few OME-XML facts this reader needs from an OME-TIFF's description: the first image's
 * {@code Pixels} sizes, dimension order, physical pixel size and channel names. Parsed with the
 * JDK's DOM parser with external entities and DTDs refused.
 */
final class OmeDescription {

    private OmeDescription() {
    }

    /** @return whether a description looks like OME-XML */
    static boolean is(String description) {
        return description != null && description.contains("<OME") && description.contains("Pixels");
    }

    /**
     * @param description   the OME-XML
     * @param pages         the page count of the file
     * @param samplesPerPage samples per pixel of the pages (RGB pages hold 3 channels)
     * @return the dimensions, or null if the XML is unusable or does not fit the page count
     */
    static Dimensions parse(String description, int pages, int samplesPerPage) {
        Element pixels;
        try {
            pixels = firstPixels(description);
        } catch (Exception e) {
            return null;
        }
        if (pixels == null) {
            return null;
        }
        int c = intAttribute(pixels, "SizeC");
        int z = intAttribute(pixels, "SizeZ");
        int t = intAttribute(pixels, "SizeT");
        String order = pixels.getAttribute("DimensionOrder");
        if (c <= 0 || z <= 0 || t <= 0 || !Dimensions.validOrder(order)) {
            return null;
        }
        int pageChannels = c;
        if (samplesPerPage > 1 && c % samplesPerPage == 0) {
            pageChannels = c / samplesPerPage;
        }
        if ((long) pageChannels * z * t != pages) {
            return null;
        }
        List<String> names = new ArrayList<>();
        NodeList channels = pixels.getElementsByTagNameNS("*", "Channel");
        for (int i = 0; i < channels.getLength(); i++) {
            names.add(((Element) channels.item(i)).getAttribute("Name"));
        }
        if (names.size() != c || names.stream().allMatch(String::isEmpty)) {
            names = List.of();
        }
        double px = micrometres(pixels, "PhysicalSizeX");
        double py = micrometres(pixels, "PhysicalSizeY");
        return new Dimensions(pageChannels, z, t, order, names, px, Double.isNaN(py) ? px : py, false);
    }

    private static Element firstPixels(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        Document doc = builder.parse(new InputSource(new StringReader(xml)));
        NodeList list = doc.getElementsByTagNameNS("*", "Pixels");
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static int intAttribute(Element e, String name) {
        try {
            return Integer.parseInt(e.getAttribute(name).trim());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static double micrometres(Element e, String name) {
        String v = e.getAttribute(name);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double value;
        try {
            value = Double.parseDouble(v.trim());
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
        String unit = e.getAttribute(name + "Unit");
        double factor = switch (unit) {
            case "", "µm", "um", "\u03BCm" -> 1;
            case "nm" -> 1e-3;
            case "mm" -> 1e3;
            case "cm" -> 1e4;
            case "m" -> 1e6;
            default -> Double.NaN;
        };
        double um = value * factor;
        return um > 0 ? um : Double.NaN;
    }
}
