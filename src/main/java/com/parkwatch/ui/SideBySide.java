package com.parkwatch.ui;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;

import java.util.ArrayList;
import java.util.List;

/**
 * The kiosk's map of a lot of several cameras: each camera's spots beside the ones before, camera 1 on the left, a
 * gap between them; one camera's layout is its own map.
 */
final class SideBySide {

    /** The gap between two cameras' spots, as a share of the widest camera's width. */
    private static final double GAP = 0.05;

    private SideBySide() {
    }

    /** @param cameras each camera's layout, in camera order, numbered as one lot */
    static Layout of(List<Layout> cameras) {
        if (cameras.size() == 1) {
            return cameras.get(0);
        }
        int gap = (int) Math.round(GAP * cameras.stream().mapToInt(Layout::width).max().orElse(0));
        int height = cameras.stream().mapToInt(Layout::height).max().orElse(1);
        List<Spot> spots = new ArrayList<>();
        int left = 0;
        for (Layout camera : cameras) {
            int dx = left;
            camera.spots().forEach(s -> spots.add(s.moved(s.outline().stream()
                    .map(v -> new Vertex(v.x() + dx, v.y())).toList())));
            left += camera.width() + gap;
        }
        return new Layout(left - gap, height, spots, cameras.get(0).entrance());
    }
}
