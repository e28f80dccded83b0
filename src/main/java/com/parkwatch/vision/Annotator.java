package com.parkwatch.vision;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotStatus;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Draws the lot's state on frames: a box per spot (green free, amber free but reserved, red occupied, grey
 * unknown) with its number, and a panel "Available spots: X / N" with the free spot numbers (reserved ones are
 * not available). Everything drawn per frame is prepared when the
 * state changes, so drawing allocates nothing.
 */
public final class Annotator {

    // Colours carry a fourth (alpha) value so that the same drawing works on BGR and BGRA frames.
    static final Scalar FREE = new Scalar(40, 200, 40, 255);
    static final Scalar OCCUPIED = new Scalar(40, 40, 230, 255);
    static final Scalar UNKNOWN = new Scalar(160, 160, 160, 255);
    static final Scalar RESERVED = new Scalar(0, 176, 255, 255);
    private static final Scalar PANEL = new Scalar(25, 25, 25, 255);
    private static final Scalar TEXT = new Scalar(255, 255, 255, 255);
    private static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;
    private static final int MAX_FREE_LINES = 3;

    private final Point[] topLeft;
    private final Point[] bottomRight;
    private final Point[] labelAt;
    private final String[] labels;
    private final Scalar[] colours;
    private final double labelScale;
    private final double panelScale;
    private final int lineHeight;
    private final int panelWidth;
    private final Point panelTopLeft = new Point(0, 0);
    private final Point panelBottomRight = new Point();
    private final List<String> panelLines = new ArrayList<>();
    private final List<Point> panelLineAt = new ArrayList<>();

    public Annotator(Layout layout) {
        int n = layout.size();
        topLeft = new Point[n];
        bottomRight = new Point[n];
        labelAt = new Point[n];
        labels = new String[n];
        colours = new Scalar[n];
        double scale = layout.height() / 720.0;
        labelScale = 0.45 * scale;
        panelScale = 0.9 * scale;
        lineHeight = (int) Math.round(34 * scale);
        panelWidth = (int) Math.round(layout.width() * 0.62);
        for (int i = 0; i < n; i++) {
            Box b = layout.spots().get(i).box();
            topLeft[i] = new Point(b.x(), b.y());
            bottomRight[i] = new Point(b.x() + b.width() - 1, b.y() + b.height() - 1);
            labelAt[i] = new Point(b.x() + 3, b.y() + b.height() - 4);
            labels[i] = Integer.toString(layout.spots().get(i).id());
            colours[i] = UNKNOWN;
        }
        show(new LotSnapshot(-1, 0, List.of()));
    }

    /** Takes the state to draw from now on. */
    public void show(LotSnapshot snapshot) {
        show(snapshot, Set.of());
    }

    /** Takes the state to draw from now on, with the spots that are reserved. */
    public void show(LotSnapshot snapshot, Set<Integer> reserved) {
        List<Integer> available = new ArrayList<>();
        for (int i = 0; i < snapshot.spots().size(); i++) {
            SpotStatus s = snapshot.spots().get(i);
            boolean free = s.occupancy() == Occupancy.FREE;
            boolean held = reserved.contains(s.spot().id());
            colours[i] = free && held ? RESERVED : colour(s.occupancy());
            if (free && !held) {
                available.add(s.spot().id());
            }
        }
        panelLines.clear();
        panelLines.add("Available spots: " + available.size() + " / " + labels.length);
        panelLines.addAll(freeNumberLines(available));
        panelLineAt.clear();
        for (int i = 0; i < panelLines.size(); i++) {
            panelLineAt.add(new Point(10, (i + 1) * lineHeight));
        }
        panelBottomRight.x = panelWidth;
        panelBottomRight.y = panelLines.size() * lineHeight + lineHeight / 3.0;
    }

    private static Scalar colour(Occupancy occupancy) {
        return switch (occupancy) {
            case FREE -> FREE;
            case OCCUPIED -> OCCUPIED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** "Free: 3, 7, 12 ..." wrapped to the panel, with a count of what did not fit. */
    private List<String> freeNumberLines(List<Integer> free) {
        List<String> lines = new ArrayList<>();
        if (free.isEmpty()) {
            return lines;
        }
        int perLine = Math.max(8, (int) (panelWidth / (panelScale * 22 * 4.2)));
        StringBuilder line = new StringBuilder("Free:");
        int shown = 0;
        for (int id : free) {
            if (shown > 0 && shown % perLine == 0) {
                lines.add(line.toString());
                line = new StringBuilder();
                if (lines.size() == MAX_FREE_LINES) {
                    break;
                }
            }
            line.append(' ').append(id);
            shown++;
        }
        if (lines.size() < MAX_FREE_LINES) {
            lines.add(line.toString());
        }
        if (shown < free.size()) {
            int last = lines.size() - 1;
            lines.set(last, lines.get(last) + " +" + (free.size() - shown) + " more");
        }
        return lines;
    }

    /** Draws the last state shown onto a BGR or BGRA frame of the layout's size. */
    public void draw(Mat frame) {
        for (int i = 0; i < labels.length; i++) {
            Imgproc.rectangle(frame, topLeft[i], bottomRight[i], colours[i], 2);
            Imgproc.putText(frame, labels[i], labelAt[i], FONT, labelScale, colours[i], 1);
        }
        Imgproc.rectangle(frame, panelTopLeft, panelBottomRight, PANEL, -1);
        for (int i = 0; i < panelLines.size(); i++) {
            Imgproc.putText(frame, panelLines.get(i), panelLineAt.get(i), FONT, i == 0 ? panelScale : panelScale * 0.7,
                    TEXT, 2);
        }
    }
}
