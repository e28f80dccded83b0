package com.parkwatch.lot;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PKLot frame annotation: per space an id, whether it is occupied and a rotated rectangle. The layout's
 * outline for a space is the rotated rectangle's corners, so its crop is that rectangle warped upright.
 *
 * @param labels the labelled occupancy per spot id; spaces without an {@code occupied} attribute are left out
 */
public record PklotLabels(Layout layout, Map<Integer, Occupancy> labels) {

    public static PklotLabels read(Path xml, int frameWidth, int frameHeight) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new LayoutException("cannot read the PKLot layout " + xml + ": it is not well-formed XML");
        }
        List<Spot> spots = new ArrayList<>();
        Map<Integer, Occupancy> labels = new LinkedHashMap<>();
        NodeList spaces = doc.getElementsByTagName("space");
        try {
            for (int i = 0; i < spaces.getLength(); i++) {
                Element space = (Element) spaces.item(i);
                int id = Integer.parseInt(space.getAttribute("id"));
                Element rect = (Element) space.getElementsByTagName("rotatedRect").item(0);
                if (rect == null) {
                    continue;
                }
                Element center = child(rect, "center");
                Element size = child(rect, "size");
                Element angle = child(rect, "angle");
                spots.add(new Spot(id, corners(number(center, "x"), number(center, "y"), number(size, "w"),
                        number(size, "h"), number(angle, "d"))));
                String occupied = space.getAttribute("occupied");
                if (!occupied.isEmpty()) {
                    labels.put(id, "1".equals(occupied.trim()) ? Occupancy.OCCUPIED : Occupancy.FREE);
                }
            }
        } catch (RuntimeException e) {
            throw new LayoutException("the PKLot layout " + xml + " is malformed: " + e.getMessage());
        }
        if (spots.isEmpty()) {
            throw new LayoutException("the PKLot layout " + xml + " has no spaces");
        }
        return new PklotLabels(new Layout(frameWidth, frameHeight, spots).checked(xml), labels);
    }

    private static Element child(Element parent, String tag) {
        Element e = (Element) parent.getElementsByTagName(tag).item(0);
        if (e == null) {
            throw new IllegalArgumentException("a rotatedRect lacks <" + tag + ">");
        }
        return e;
    }

    private static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** The corners of a rectangle of size w x h centred on (cx, cy), turned by degrees, in drawing order. */
    static List<Vertex> corners(double cx, double cy, double w, double h, double degrees) {
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a), sin = Math.sin(a);
        double[][] half = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
        List<Vertex> out = new ArrayList<>(4);
        for (double[] p : half) {
            out.add(new Vertex(cx + p[0] * cos - p[1] * sin, cy + p[0] * sin + p[1] * cos));
        }
        return out;
    }
}
