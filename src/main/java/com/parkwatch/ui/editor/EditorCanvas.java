package com.parkwatch.ui.editor;

import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The frozen picture of the lot with its bays drawn over it, and the finger's gestures on it: a drag draws a
 * rectangle (or moves the corner under a round handle), a tap is the tool's. Everything it draws comes from
 * {@link LayoutEditorModel}; during a drag it only shows what the drag would do, and tells the model at the end.
 */
final class EditorCanvas extends Pane {

    /** The handles' touch radius on screen: a target of 48 px at least, as touch guidelines ask. */
    static final double HANDLE_REACH = 28;
    private static final double HANDLE_DRAWN = 14;
    /** A finger that moved less than this on screen tapped. */
    private static final double TAP_SLOP = 12;
    /** Room around the picture, so that a finger can start a bay at the picture's very edge. */
    private static final double MARGIN = 24;
    private static final Color BAY = Color.web("#00e5ff");
    private static final Color CHOSEN = Color.web("#ffb300");
    private static final Color NOT_FOR_DRIVERS = Color.web("#9e9e9e");
    private static final Color ENTRANCE = Color.web("#00e676");
    private static final Color SUGGESTED = Color.web("#ff4081");

    private final LayoutEditorModel model;
    private final SuggestedBays suggested;
    private final Canvas canvas = new Canvas();
    private Image still;
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    /** The gesture under way: where it started on screen, where it is in the frame, and the corner it drags. */
    private Point2D pressed;
    private Vertex current;
    private LayoutEditorModel.Corner dragging;
    /** Whether {@link #dragging} is a corner of the chosen suggestion rather than of a bay. */
    private boolean draggingSuggested;

    EditorCanvas(LayoutEditorModel model, SuggestedBays suggested) {
        this.model = model;
        this.suggested = suggested;
        setId(EditorIds.PICTURE);
        getStyleClass().add("editor-picture");
        // Sized to the pane in layoutChildren, not the pane to it: the picture takes the room the buttons leave.
        canvas.setManaged(false);
        getChildren().add(canvas);
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
        model.layoutProperty().addListener(o -> redraw());
        model.selectionProperty().addListener(o -> redraw());
        model.cornersProperty().addListener(o -> redraw());
        model.suggestedProperty().addListener(o -> redraw());
        suggested.chosenProperty().addListener(o -> redraw());
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
    }

    void setStill(Image image) {
        still = image;
        redraw();
    }

    boolean hasStill() {
        return still != null;
    }

    /** Where a point of the frame is on this node, for the tests' fingers. */
    Point2D toScreen(Vertex v) {
        return new Point2D(offsetX + v.x() * scale, offsetY + v.y() * scale);
    }

    Vertex toFrame(double x, double y) {
        return new Vertex((x - offsetX) / scale, (y - offsetY) / scale);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void pressed(MouseEvent e) {
        pressed = new Point2D(e.getX(), e.getY());
        current = toFrame(e.getX(), e.getY());
        dragging = model.cornerAt(current, HANDLE_REACH / scale).orElse(null);
        draggingSuggested = dragging == null;
        if (draggingSuggested) {
            dragging = suggested.cornerAt(current, HANDLE_REACH / scale).orElse(null);
        }
    }

    private void dragged(MouseEvent e) {
        if (pressed == null) {
            return;
        }
        current = toFrame(e.getX(), e.getY());
        redraw();
    }

    private void released(MouseEvent e) {
        if (pressed == null) {
            return;
        }
        Vertex start = toFrame(pressed.getX(), pressed.getY());
        Vertex end = toFrame(e.getX(), e.getY());
        boolean tap = pressed.distance(e.getX(), e.getY()) < TAP_SLOP;
        LayoutEditorModel.Corner corner = dragging;
        pressed = null;
        dragging = null;
        if (tap) {
            if (!suggested.tap(end)) {
                model.tap(end);
            }
        } else if (corner != null && draggingSuggested) {
            suggested.moveCorner(corner, end);
        } else if (corner != null) {
            model.moveCorner(corner, end);
        } else if (model.toolProperty().get() == Tool.RECTANGLE) {
            model.drawRectangle(start, end);
        }
        redraw();
    }

    private void redraw() {
        Layout layout = model.layoutProperty().get();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, getWidth(), getHeight());
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        scale = Math.min((getWidth() - 2 * MARGIN) / layout.width(), (getHeight() - 2 * MARGIN) / layout.height());
        offsetX = (getWidth() - layout.width() * scale) / 2;
        offsetY = (getHeight() - layout.height() * scale) / 2;
        if (still != null) {
            g.drawImage(still, offsetX, offsetY, layout.width() * scale, layout.height() * scale);
        } else {
            g.setFill(Color.web("#263238"));
            g.fillRect(offsetX, offsetY, layout.width() * scale, layout.height() * scale);
            g.setFill(Color.WHITE);
            g.setFont(Font.font(24));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Waiting for a picture from the camera…", getWidth() / 2, getHeight() / 2);
        }
        List<Integer> chosen = model.selectionProperty().get();
        for (Spot s : layout.spots()) {
            drawBay(g, outlineShown(s, false), s, chosen.contains(s.id()));
        }
        int chosenSuggestion = suggested.chosenProperty().get();
        for (Spot s : model.suggestedProperty().get()) {
            drawSuggested(g, outlineShown(s, true), s.id() == chosenSuggestion);
        }
        for (Spot s : model.selectedSpots()) {
            drawHandles(g, outlineShown(s, false), CHOSEN);
        }
        suggested.chosenSpot().ifPresent(s -> drawHandles(g, outlineShown(s, true), SUGGESTED));
        drawCornersSoFar(g);
        drawEntrance(g, layout.entrance());
        if (pressed != null && dragging == null && model.toolProperty().get() == Tool.RECTANGLE) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.setLineDashes(8, 6);
            stroke(g, Outlines.rectangle(toFrame(pressed.getX(), pressed.getY()), current));
            g.setLineDashes();
        }
    }

    private void drawHandles(GraphicsContext g, List<Vertex> outline, Color colour) {
        for (Vertex v : outline) {
            Point2D p = toScreen(v);
            g.setFill(colour);
            g.fillOval(p.getX() - HANDLE_DRAWN, p.getY() - HANDLE_DRAWN, 2 * HANDLE_DRAWN, 2 * HANDLE_DRAWN);
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeOval(p.getX() - HANDLE_DRAWN, p.getY() - HANDLE_DRAWN, 2 * HANDLE_DRAWN, 2 * HANDLE_DRAWN);
        }
    }

    /** A suggested bay: dashed, in its own colour, filled more when it is the one tapped. */
    private void drawSuggested(GraphicsContext g, List<Vertex> outline, boolean chosen) {
        g.setFill(SUGGESTED.deriveColor(0, 1, 1, chosen ? 0.35 : 0.12));
        fill(g, outline);
        g.setStroke(SUGGESTED);
        g.setLineWidth(chosen ? 4 : 3);
        g.setLineDashes(10, 7);
        stroke(g, outline);
        g.setLineDashes();
    }

    /** A bay's or a suggestion's outline, with the corner being dragged where the finger is. */
    private List<Vertex> outlineShown(Spot s, boolean isSuggestion) {
        if (dragging == null || draggingSuggested != isSuggestion || dragging.spot() != s.id() || current == null) {
            return s.outline();
        }
        List<Vertex> moved = new ArrayList<>(s.outline());
        moved.set(dragging.index(), current);
        return moved;
    }

    private void drawBay(GraphicsContext g, List<Vertex> outline, Spot s, boolean chosen) {
        Color edge = chosen ? CHOSEN : s.forDrivers() ? BAY : NOT_FOR_DRIVERS;
        g.setFill(edge.deriveColor(0, 1, 1, chosen ? 0.35 : s.forDrivers() ? 0.12 : 0.45));
        fill(g, outline);
        g.setStroke(edge);
        g.setLineWidth(chosen ? 3 : 2);
        stroke(g, outline);
        Point2D c = toScreen(new Spot(s.id(), outline).centre());
        double size = Math.max(11, Math.min(22, s.box().height() * scale / 3));
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, size));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String marks = s.types().stream().map(BayType::symbol).collect(Collectors.joining());
        String text = marks.isEmpty() ? s.label() : s.label() + "\n" + marks;
        g.setStroke(Color.BLACK);
        g.setLineWidth(3);
        g.strokeText(text, c.getX(), c.getY());
        g.setFill(Color.WHITE);
        g.fillText(text, c.getX(), c.getY());
    }

    private void drawCornersSoFar(GraphicsContext g) {
        List<Vertex> corners = model.cornersProperty().get();
        g.setStroke(Color.MAGENTA);
        g.setFill(Color.MAGENTA);
        g.setLineWidth(3);
        for (int i = 0; i < corners.size(); i++) {
            Point2D p = toScreen(corners.get(i));
            g.fillOval(p.getX() - 8, p.getY() - 8, 16, 16);
            if (i > 0) {
                Point2D q = toScreen(corners.get(i - 1));
                g.strokeLine(q.getX(), q.getY(), p.getX(), p.getY());
            }
        }
    }

    private void drawEntrance(GraphicsContext g, Vertex entrance) {
        if (entrance == null) {
            return;
        }
        Point2D p = toScreen(entrance);
        g.setFill(ENTRANCE);
        g.fillOval(p.getX() - 16, p.getY() - 16, 32, 32);
        g.setFill(Color.BLACK);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 18));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("\u2691", p.getX(), p.getY());
        g.setFill(Color.WHITE);
        g.setStroke(Color.BLACK);
        g.setLineWidth(3);
        g.strokeText("Entrance", p.getX(), p.getY() - 30);
        g.fillText("Entrance", p.getX(), p.getY() - 30);
    }

    private void fill(GraphicsContext g, List<Vertex> outline) {
        g.fillPolygon(xs(outline), ys(outline), outline.size());
    }

    private void stroke(GraphicsContext g, List<Vertex> outline) {
        g.strokePolygon(xs(outline), ys(outline), outline.size());
    }

    private double[] xs(List<Vertex> outline) {
        return outline.stream().mapToDouble(v -> offsetX + v.x() * scale).toArray();
    }

    private double[] ys(List<Vertex> outline) {
        return outline.stream().mapToDouble(v -> offsetY + v.y() * scale).toArray();
    }
}
