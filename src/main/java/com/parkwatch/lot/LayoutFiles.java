package com.parkwatch.lot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Layouts as JSON files of polygons:
 * {@code {"width":W,"height":H,"spots":[{"id":1,"polygon":[[x,y],[x,y],...]},...]}}.
 */
public final class LayoutFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record PolygonSpot(int id, List<double[]> polygon) {
    }

    private record PolygonLayout(int width, int height, List<PolygonSpot> spots) {
    }

    private LayoutFiles() {
    }

    public static String toJson(Layout layout) {
        List<PolygonSpot> spots = layout.spots().stream()
                .map(s -> new PolygonSpot(s.id(), s.outline().stream().map(v -> new double[]{v.x(), v.y()}).toList()))
                .toList();
        try {
            return JSON.writeValueAsString(new PolygonLayout(layout.width(), layout.height(), spots));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a layout could not be written as JSON", e);
        }
    }

    public static void write(Layout layout, Path file) throws IOException {
        Files.writeString(file, toJson(layout));
    }

    /** Reads a polygon layout; a file that is not one gets a {@link LayoutException} saying so. */
    public static Layout read(Path file) {
        PolygonLayout parsed;
        try {
            parsed = JSON.readValue(file.toFile(), PolygonLayout.class);
        } catch (IOException e) {
            throw new LayoutException("cannot read the layout " + file + ": it is not a JSON polygon layout");
        }
        if (parsed.spots() == null || parsed.spots().isEmpty()) {
            throw new LayoutException("the layout " + file + " has no spots");
        }
        try {
            List<Spot> spots = new ArrayList<>();
            for (PolygonSpot s : parsed.spots()) {
                spots.add(new Spot(s.id(), s.polygon().stream().map(p -> new Vertex(p[0], p[1])).toList()));
            }
            return new Layout(parsed.width(), parsed.height(), spots).checked(file);
        } catch (LayoutException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LayoutException("the layout " + file + " is malformed: " + e.getMessage());
        }
    }
}
