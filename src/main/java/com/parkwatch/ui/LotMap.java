package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The lot as a driver sees it from above: each spot drawn where it is in the camera's picture, scaled to fit the
 * pane, coloured by its state and labelled with its label, symbols and state word (colour is never the only cue).
 * Every spot is a touch target of at least {@value #TOUCH} px: a lot too dense for that at the pane's size is drawn
 * larger and scrolls (the tutorial's 396 bays at 1600x900 take about four panes). Zones the layout names are outlined and named. Shows the view model's tiles, so "free only"
 * hides the others here as in the list.
 */
final class LotMap extends ScrollPane {

    static final double TOUCH = 48;
    private static final double MARGIN = 12;
    private static final double ZONE_TITLE = 26;

    private Box extent;
    /** The spots' median width and height in the picture: the scales at which they are {@link #TOUCH} px are the least. */
    private double typicalWidth;
    private double typicalHeight;
    private final Map<Integer, MapSpot> spots = new LinkedHashMap<>();
    private final List<ZoneOutline> zones = new ArrayList<>();
    private final Pane plan = new Pane() {
        @Override
        protected void layoutChildren() {
            place();
        }
    };

    LotMap(LotViewModel model, Consumer<SpotTile> onTap) {
        getStyleClass().add("lot-map");
        setId(Ids.LOT_MAP);
        setPannable(true);
        plan.getStyleClass().add("lot-plan");
        draw(model, onTap);
        setContent(plan);
        model.layoutProperty().addListener((obs, was, now) -> draw(model, onTap));
        model.shownTiles().addListener((ListChangeListener<SpotTile>) c -> showOnly(model));
        showOnly(model);
        viewportBoundsProperty().addListener((obs, was, now) -> plan.requestLayout());
    }

    /** The spots and zones of the model's layout, drawn again when the operator saves another. */
    private void draw(LotViewModel model, Consumer<SpotTile> onTap) {
        Layout layout = model.layout();
        extent = extentOf(layout.spots());
        typicalWidth = median(layout.spots().stream().mapToDouble(s -> s.box().width()).sorted().toArray());
        typicalHeight = median(layout.spots().stream().mapToDouble(s -> s.box().height()).sorted().toArray());
        spots.clear();
        zones.clear();
        plan.getChildren().clear();
        Map<String, List<Spot>> byZone = new HashMap<>();
        layout.spots().forEach(s -> {
            if (s.zone() != null) {
                byZone.computeIfAbsent(s.zone(), z -> new ArrayList<>()).add(s);
            }
        });
        byZone.forEach((name, members) -> zones.add(new ZoneOutline(name, extentOf(members))));
        zones.forEach(z -> plan.getChildren().addAll(z.outline, z.title));
        for (SpotTile tile : model.tiles()) {
            MapSpot spot = new MapSpot(tile, model, onTap);
            spots.put(tile.id(), spot);
            plan.getChildren().add(spot);
        }
        plan.requestLayout();
    }

    private void showOnly(LotViewModel model) {
        java.util.Set<SpotTile> shown = new java.util.HashSet<>(model.shownTiles());
        spots.values().forEach(s -> s.setVisible(shown.contains(s.tile)));
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? 1 : sorted[sorted.length / 2];
    }

    /**
     * The scales from the picture to the pane, across and down: the whole lot in view, unless its spots would then be
     * too small to tap. Each direction is stretched apart, so that a lot of wide, shallow bays is made deep enough
     * to tap without being made as much wider.
     */
    double[] scales() {
        double width = Math.max(1, getViewportBounds().getWidth() - 2 * MARGIN);
        double height = Math.max(1, getViewportBounds().getHeight() - 2 * MARGIN - (zones.isEmpty() ? 0 : ZONE_TITLE));
        double fit = Math.min(width / extent.width(), height / extent.height());
        return new double[]{Math.max(fit, TOUCH / typicalWidth), Math.max(fit, TOUCH / typicalHeight)};
    }

    private void place() {
        double[] scales = scales();
        double sx = scales[0];
        double sy = scales[1];
        double top = MARGIN + (zones.isEmpty() ? 0 : ZONE_TITLE);
        double planWidth = extent.width() * sx + 2 * MARGIN;
        double planHeight = extent.height() * sy + top + MARGIN;
        // Centred when it fits, from the top left when it scrolls.
        double viewWidth = getViewportBounds().getWidth();
        double left = Math.max(MARGIN, (viewWidth - planWidth) / 2 + MARGIN);
        plan.setPrefSize(Math.max(viewWidth, planWidth), Math.max(getViewportBounds().getHeight(), planHeight));
        for (MapSpot spot : spots.values()) {
            Box b = spot.tile.spot().box();
            double w = Math.max(TOUCH, b.width() * sx - 4);
            double h = Math.max(TOUCH, b.height() * sy - 4);
            double cx = left + (spot.tile.spot().centre().x() - extent.x()) * sx;
            double cy = top + (spot.tile.spot().centre().y() - extent.y()) * sy;
            spot.resizeRelocate(cx - w / 2, cy - h / 2, w, h);
            spot.fit(w, h);
        }
        for (ZoneOutline zone : zones) {
            double x = left + (zone.box.x() - extent.x()) * sx - 6;
            double y = top + (zone.box.y() - extent.y()) * sy - 6;
            zone.outline.resizeRelocate(x, y, zone.box.width() * sx + 12, zone.box.height() * sy + 12);
            zone.title.autosize();
            zone.title.relocate(x, y - zone.title.getHeight());
        }
    }

    MapSpot spot(int id) {
        return spots.get(id);
    }

    private static Box extentOf(List<Spot> members) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = 0, maxY = 0;
        for (Spot s : members) {
            Box b = s.box();
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.x() + b.width());
            maxY = Math.max(maxY, b.y() + b.height());
        }
        return members.isEmpty() ? new Box(0, 0, 1, 1) : new Box(minX, minY, maxX - minX, maxY - minY);
    }

    /** A zone's frame and name, behind its spots. */
    private static final class ZoneOutline {
        final Box box;
        final Region outline = new Region();
        final Label title;

        ZoneOutline(String name, Box box) {
            this.box = box;
            outline.getStyleClass().add("zone");
            outline.setMouseTransparent(true);
            title = new Label(name);
            title.getStyleClass().add("zone-title");
        }
    }

    /** One spot on the map: its label and symbols over its state's word, in its state's colour. */
    static final class MapSpot extends SpotBadge {
        final SpotTile tile;

        MapSpot(SpotTile tile, LotViewModel model, Consumer<SpotTile> onTap) {
            super(tile, model);
            this.tile = tile;
            setId(Ids.mapSpot(tile.id()));
            getStyleClass().add("map-spot");
            setOnMouseClicked(e -> onTap.accept(tile));
        }
    }
}
