package com.parkwatch.lot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Layouts as JSON files of polygons:
 * {@code {"width":W,"height":H,"entrance":[x,y],"spots":[{"id":1,"polygon":[[x,y],...],"label":"A1","zone":"North",
 * "types":["accessible"]},...]}}; {@code entrance}, {@code label}, {@code zone} and {@code types} may be left out.
 */
public final class LayoutFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private record PolygonSpot(int id, List<double[]> polygon, String label, String zone, List<String> types) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record PolygonLayout(int width, int height, double[] entrance, List<PolygonSpot> spots) {
    }

    private LayoutFiles() {
    }

    public static String toJson(Layout layout) {
        List<PolygonSpot> spots = layout.spots().stream()
                .map(s -> new PolygonSpot(s.id(), s.outline().stream().map(v -> new double[]{v.x(), v.y()}).toList(),
                        s.label(), s.zone(), s.types().stream().map(BayType::word).toList()))
                .toList();
        Vertex door = layout.entrance();
        try {
            return JSON.writeValueAsString(new PolygonLayout(layout.width(), layout.height(),
                    door == null ? null : new double[]{door.x(), door.y()}, spots));
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
                spots.add(new Spot(s.id(), s.polygon().stream().map(p -> new Vertex(p[0], p[1])).toList(),
                        s.label(), s.zone(), types(s, file)));
            }
            double[] door = parsed.entrance();
            if (door != null && door.length != 2) {
                throw new LayoutException("the layout " + file + " gives its entrance as " + door.length
                        + " numbers, not two (x, y)");
            }
            return new Layout(parsed.width(), parsed.height(), spots, door == null ? null : new Vertex(door[0], door[1]))
                    .checked(file);
        } catch (LayoutException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LayoutException("the layout " + file + " is malformed: " + e.getMessage());
        }
    }

    private static Set<BayType> types(PolygonSpot spot, Path file) {
        if (spot.types() == null) {
            return Set.of();
        }
        Set<BayType> types = EnumSet.noneOf(BayType.class);
        for (String word : spot.types()) {
            types.add(BayType.ofWord(String.valueOf(word)).orElseThrow(() -> new LayoutException(String.format(
                    "the layout %s gives spot %d the type \"%s\": the types are accessible, ev_charging, staff_only and closed",
                    file, spot.id(), word))));
        }
        return types;
    }
}
