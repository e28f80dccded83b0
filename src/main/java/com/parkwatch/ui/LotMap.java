package com.parkwatch.ui;

import com.parkwatch.lot.Palette;
import com.parkwatch.lot.SpotState;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lot as a driver sees it from above: each spot drawn where it is in the camera's picture ({@link MapPlan}),
 * coloured by its state and labelled with its label, symbols and state word (colour is never the only cue); grey
 * while the lot is not live. Zones the layout names are outlined and named. Shows the view model's tiles, so "free
 * only" hides the others here as in the list; a tap on a spot reports its tile.
 *
 * <p>Drawn on one canvas the size of the view, at most once per batch of changes: as 396 labelled nodes, every
 * change of state restyled and laid out nodes across the map, and the FX thread took 30 ms a call.
 */
final class LotMap extends ScrollPane {

    private static final Color BACKGROUND = Color.web("#101214");
    private static final Color ZONE = Color.web("#90a4ae");
    private static final Color ZONE_TITLE = Color.web("#eceff1");
    private static final Color TEXT = Color.BLACK;
    private static final String FONT = "DejaVu Sans";
    private static final double CORNER = 12;
    private static final int LARGEST_TYPE = 160;
    private static final double ZONE_CORNER = 16;
    private static final Map<SpotState, Color> COLOURS = new EnumMap<>(SpotState.class);
    private static final Color NOT_LIVE = colour(Palette.NOT_LIVE);

    static {
        for (SpotState s : SpotState.values()) {
            COLOURS.put(s, colour(Palette.rgb(s)));
        }
    }

    private final LotViewModel model;
    private final Consumer<SpotTile> onTap;
    /** The view's part of the plan; the plane is the plan's size, so that the scroll bars say where the view is. */
    private final Canvas canvas = new Canvas();
    /**
     * Unmanaged, so a layout root: asked to lay out, it draws the map in the coming layout pass (before the pulse
     * renders, and before a snapshot), at most once however many changes asked, without laying out its parents.
     */
    private final Pane drawing = new Pane(canvas) {
        @Override
        protected void layoutChildren() {
            draw();
        }
    };
    private final Pane plane = new Pane(drawing);
    /** By whole pixel size, made once each: a draw sets a font for every spot. */
    private final Font[] bold = new Font[LARGEST_TYPE + 1];
    private final Font[] regular = new Font[LARGEST_TYPE + 1];
    private List<SpotTile> tiles = List.of();
    private final Map<SpotTile, Integer> index = new IdentityHashMap<>();
    private MapPlan plan = new MapPlan(List.of());
    private boolean[] shown = new boolean[0];
    private double fittedWidth = -1;
    private double fittedHeight = -1;
    private final InvalidationListener stateChanged = obs -> drawLater();

    LotMap(LotViewModel model, Consumer<SpotTile> onTap) {
        this.model = model;
        this.onTap = onTap;
        getStyleClass().add("lot-map");
        setId(Ids.LOT_MAP);
        setPannable(true);
        plane.getStyleClass().add("lot-plan");
        drawing.setManaged(false);
        setContent(plane);
        relayout();
        model.layoutProperty().addListener((obs, was, now) -> relayout());
        // Which tiles are shown changes with "free only" and, while it is on, with their states.
        model.shownTiles().addListener((ListChangeListener<SpotTile>) c -> drawLater());
        model.liveProperty().addListener(obs -> drawLater());
        model.texts().languageProperty().addListener(obs -> drawLater());
        viewportBoundsProperty().addListener(obs -> fitAndDraw());
        hvalueProperty().addListener(obs -> drawLater());
        vvalueProperty().addListener(obs -> drawLater());
        canvas.setOnMouseClicked(this::tapped);
    }

    /** The spots of the model's layout, planned again when the operator saves another. */
    private void relayout() {
        tiles.forEach(t -> t.stateProperty().removeListener(stateChanged));
        tiles = List.copyOf(model.tiles());
        tiles.forEach(t -> t.stateProperty().addListener(stateChanged));
        index.clear();
        for (int i = 0; i < tiles.size(); i++) {
            index.put(tiles.get(i), i);
        }
        plan = new MapPlan(tiles.stream().map(SpotTile::spot).toList());
        shown = new boolean[tiles.size()];
        fittedWidth = -1;
        fitAndDraw();
    }

    private void fitAndDraw() {
        Bounds view = getViewportBounds();
        if (view.getWidth() != fittedWidth || view.getHeight() != fittedHeight) {
            fittedWidth = view.getWidth();
            fittedHeight = view.getHeight();
            plan.fit(fittedWidth, fittedHeight);
            plane.setMinSize(plan.width(), plan.height());
            plane.setPrefSize(plan.width(), plan.height());
        }
        drawLater();
    }

    /** Many changes come at once (a sample's states, 100 tiles a call): the map is drawn once after them. */
    private void drawLater() {
        drawing.requestLayout();
    }

    private void draw() {
        Bounds view = visiblePart();
        canvas.setWidth(view.getWidth());
        canvas.setHeight(view.getHeight());
        canvas.relocate(view.getMinX(), view.getMinY());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, view.getWidth(), view.getHeight());
        g.save();
        g.translate(-view.getMinX(), -view.getMinY());
        MapPlan.Area visible = new MapPlan.Area(view.getMinX(), view.getMinY(), view.getWidth(), view.getHeight());
        drawZones(g, visible);
        markShown();
        boolean live = model.liveProperty().get();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < plan.size(); i++) {
            MapPlan.Area a = plan.spot(i);
            if (shown[i] && a.meets(visible)) {
                drawSpot(g, tiles.get(i), a, live);
            }
        }
        g.restore();
    }

    private void drawZones(GraphicsContext g, MapPlan.Area visible) {
        g.setLineWidth(2);
        g.setLineDashes(8, 6);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFont(font(FontWeight.BOLD, 20));
        for (int i = 0; i < plan.zones().size(); i++) {
            MapPlan.Area a = plan.zone(i);
            if (a.meets(visible)) {
                g.setStroke(ZONE);
                g.strokeRoundRect(a.x(), a.y(), a.width(), a.height(), ZONE_CORNER, ZONE_CORNER);
                g.setFill(ZONE_TITLE);
                g.fillText(plan.zones().get(i).name(), a.x(), a.y() - 2);
            }
        }
        g.setLineDashes();
    }

    /** Type as large as the spot holds: the label (a few characters) larger than the state's word. */
    private void drawSpot(GraphicsContext g, SpotTile tile, MapPlan.Area a, boolean live) {
        SpotState state = tile.stateProperty().get();
        g.setFill(live ? COLOURS.get(state) : NOT_LIVE);
        g.fillRoundRect(a.x(), a.y(), a.width(), a.height(), CORNER, CORNER);
        String label = tile.labelWithSymbols();
        double labelSize = Math.max(10, Math.min(a.height() / 2.6, a.width() / Math.max(2.5, 0.62 * label.length() + 0.6)));
        double wordSize = Math.max(9, Math.min(a.height() / 4.5, a.width() / 5.2));
        double labelLine = labelSize * 1.15;
        double wordLine = wordSize * 1.15;
        double top = a.centreY() - (labelLine + wordLine) / 2;
        double room = a.width() - 4;
        g.setFill(TEXT);
        g.setFont(font(FontWeight.BOLD, labelSize));
        g.fillText(label, a.centreX(), top + labelLine / 2, room);
        g.setFont(font(FontWeight.NORMAL, wordSize));
        g.fillText(model.texts().state(state), a.centreX(), top + labelLine + wordLine / 2, room);
    }

    private void markShown() {
        Arrays.fill(shown, false);
        for (SpotTile t : model.shownTiles()) {
            Integer i = index.get(t);
            if (i != null) {
                shown[i] = true;
            }
        }
    }

    private void tapped(MouseEvent e) {
        if (!e.isStillSincePress()) {
            return; // the end of a drag that scrolled the map
        }
        Bounds view = visiblePart();
        markShown();
        int spot = plan.spotAt(view.getMinX() + e.getX(), view.getMinY() + e.getY(), shown);
        if (spot >= 0) {
            onTap.accept(tiles.get(spot));
        }
    }

    /** The part of the plane in view: the scroll pane gives the plane's offset, negative, as its viewport's corner. */
    private Bounds visiblePart() {
        Bounds view = getViewportBounds();
        return new BoundingBox(-view.getMinX(), -view.getMinY(), Math.max(1, view.getWidth()), Math.max(1, view.getHeight()));
    }

    /** Where a spot is drawn, on the screen, for the tests' fingers; none while "free only" hides it. */
    Optional<Bounds> spotOnScreen(int id) {
        markShown();
        for (int i = 0; i < tiles.size(); i++) {
            if (tiles.get(i).id() == id && shown[i]) {
                MapPlan.Area a = plan.spot(i);
                return Optional.of(plane.localToScreen(new BoundingBox(a.x(), a.y(), a.width(), a.height())));
            }
        }
        return Optional.empty();
    }

    private Font font(FontWeight weight, double size) {
        int px = (int) Math.min(LARGEST_TYPE, Math.round(size));
        Font[] made = weight == FontWeight.BOLD ? bold : regular;
        if (made[px] == null) {
            made[px] = Font.font(FONT, weight, px);
        }
        return made[px];
    }

    private static Color colour(int rgb) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }
}
