package com.parkwatch.vision.overlay;

import com.parkwatch.vision.image.OpenCv;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.Palette;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the lot's state on frames: a box per spot in its state's colour from the {@link Palette} (green free, amber
 * reserved, red occupied, grey unknown) with its number on a tag of the box's colour, and a panel "Available spots:
 * X / N" with the free spot numbers, in the corner of the frame where it hides the fewest spots. The drawing
 * is rendered once per state, and each frame then only receives the runs of pixels it covers ({@link PixelRuns}),
 * which costs a fraction of drawing and allocates nothing. A number on a solid tag reads on any background, and
 * its pixels lie in a few long runs where thin strokes of text make many short ones.
 */
public final class Annotator implements AutoCloseable {

    // Colours carry a fourth (alpha) value so that the same drawing works on BGR and BGRA frames.
    static final Map<SpotState, Scalar> COLOURS = colours();
    /** Every box of a lot that is not live: its last states are not the lot now, so none is drawn as free. */
    private static final Scalar NOT_LIVE = bgra(Palette.NOT_LIVE);
    private static final Scalar PANEL = new Scalar(25, 25, 25, 255);
    private static final Scalar TEXT = new Scalar(255, 255, 255, 255);
    static final Scalar TAG_TEXT = new Scalar(20, 20, 20, 255);
    private static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;
    /** Free labels listed before "+N more": five lines of the panel. */
    private static final int LISTED = 36;
    private static final Scalar COVERED = new Scalar(255);
    private static final Scalar CLEAR = Scalar.all(0);
    /** How far a box's two-pixel edge may reach beyond the box's rows. */
    private static final int EDGE = 2;
    private static final int CLIP_MARGIN = 8;
    /** Pixels: the height below which Hershey digits no longer read. */
    private static final double SMALLEST_READABLE_DIGIT = 6;

    static {
        OpenCv.load();
    }

    private final Point[] topLeft;
    private final Point[] bottomRight;
    private final Point[] labelAt;
    private final Point[] tagTopLeft;
    private final Point[] tagBottomRight;
    private final String[] labels;
    /** The spots as the panel lists the free ones: "A2" before "A10". */
    private final List<Spot> inLabelOrder;
    private final Scalar[] colours;
    private final double labelScale;
    private final double panelScale;
    private final int lineHeight;
    private final int panelWidth;
    /** Numbers on a line of the panel. */
    private final int perLine;
    /** False for the kiosk, whose header shows the counts: the picture then hides no spot. */
    private final boolean withPanel;
    private final boolean panelOnRight;
    private final boolean panelAtBottom;
    private final Point panelTopLeft = new Point();
    private final Point panelBottomRight = new Point();
    private final List<String> panelLines = new ArrayList<>();
    private final List<Point> panelLineAt = new ArrayList<>();

    private final Mat overlay = new Mat();
    private final Mat covered;
    private final PixelRuns runs = new PixelRuns();
    /** The covered pixels moved (the panel grew or shrank): render everything and take the runs again. */
    private boolean reshaped = true;
    /** Spots whose colour changed since the last frame drawn, and whether the panel's text did. */
    private final BitSet repaint = new BitSet();
    private boolean panelChanged;

    public Annotator(Layout layout) {
        this(layout, true);
    }

    /** The boxes only, with no panel: for a screen that shows the counts beside the picture. */
    public static Annotator withoutPanel(Layout layout) {
        return new Annotator(layout, false);
    }

    private Annotator(Layout layout, boolean withPanel) {
        this.withPanel = withPanel;
        int n = layout.size();
        covered = new Mat(layout.height(), layout.width(), CvType.CV_8UC1);
        topLeft = new Point[n];
        bottomRight = new Point[n];
        labelAt = new Point[n];
        tagTopLeft = new Point[n];
        tagBottomRight = new Point[n];
        labels = new String[n];
        inLabelOrder = layout.inLabelOrder();
        colours = new Scalar[n];
        double scale = layout.height() / 720.0;
        labelScale = labelScale(layout, scale);
        panelScale = 0.9 * scale;
        lineHeight = (int) Math.round(34 * scale);
        panelWidth = (int) Math.round(layout.width() * 0.62);
        perLine = Math.max(8, (int) (panelWidth / (panelScale * 22 * 4.2)));
        int tallestPanel = panelHeight(1 + (LISTED + 1 + perLine - 1) / perLine);
        long leastHidden = Long.MAX_VALUE;
        boolean right = false;
        boolean bottom = false;
        // Top left first, as the tutorial had it; another corner only if it hides less of the spots.
        for (int corner = 0; corner < 4; corner++) {
            Box panel = new Box(corner % 2 == 0 ? 0 : layout.width() - panelWidth,
                    corner < 2 ? 0 : layout.height() - tallestPanel, panelWidth, tallestPanel);
            long hidden = layout.spots().stream().mapToLong(spot -> spot.box().overlap(panel)).sum();
            if (hidden < leastHidden) {
                leastHidden = hidden;
                right = corner % 2 == 1;
                bottom = corner >= 2;
            }
        }
        panelOnRight = right;
        panelAtBottom = bottom;
        for (int i = 0; i < n; i++) {
            Box b = layout.spots().get(i).box();
            topLeft[i] = new Point(b.x(), b.y());
            bottomRight[i] = new Point(b.x() + b.width() - 1, b.y() + b.height() - 1);
            labels[i] = layout.spots().get(i).label();
            Size text = Imgproc.getTextSize(labels[i], FONT, labelScale, 1, new int[1]);
            labelAt[i] = new Point(b.x() + 3, b.y() + b.height() - 4);
            tagTopLeft[i] = new Point(b.x(), b.y() + b.height() - text.height - 7);
            tagBottomRight[i] = new Point(b.x() + text.width + 5, bottomRight[i].y);
            colours[i] = COLOURS.get(SpotState.UNKNOWN);
        }
        show(LotView.of(new LotSnapshot(-1, 0, List.of())));
    }

    /** BGR with a fourth (alpha) value from each state's colour, so that one drawing serves BGR and BGRA frames. */
    private static Map<SpotState, Scalar> colours() {
        Map<SpotState, Scalar> colours = new EnumMap<>(SpotState.class);
        for (SpotState s : SpotState.values()) {
            colours.put(s, bgra(Palette.rgb(s)));
        }
        return colours;
    }

    private static Scalar bgra(int rgb) {
        return new Scalar(rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff, 255);
    }

    /** Takes the state to draw from now on. */
    public void show(LotView view) {
        for (int i = 0; i < view.spots().size(); i++) {
            Scalar colour = view.live() ? COLOURS.get(view.spots().get(i).state()) : NOT_LIVE;
            if (colour != colours[i]) {
                repaint.set(i);
            }
            colours[i] = colour;
        }
        if (!withPanel) {
            return;
        }
        Set<Integer> available = new HashSet<>(view.freeSpotIds());
        List<String> lines = new ArrayList<>();
        if (view.live()) {
            lines.add("Available spots: " + available.size() + " / " + labels.length);
            lines.addAll(freeLabelLines(inLabelOrder.stream().filter(s -> available.contains(s.id())).map(Spot::label)
                    .toList()));
        } else {
            lines.add("Availability unknown: not live");
        }
        if (lines.equals(panelLines)) {
            return;
        }
        reshaped |= lines.size() != panelLines.size();
        panelChanged = true;
        panelLines.clear();
        panelLines.addAll(lines);
        panelTopLeft.x = panelOnRight ? covered.cols() - panelWidth : 0;
        panelTopLeft.y = panelAtBottom ? covered.rows() - panelHeight(panelLines.size()) : 0;
        panelBottomRight.x = panelTopLeft.x + panelWidth;
        panelBottomRight.y = panelTopLeft.y + panelHeight(panelLines.size());
        panelLineAt.clear();
        for (int i = 0; i < panelLines.size(); i++) {
            panelLineAt.add(new Point(panelTopLeft.x + 10, panelTopLeft.y + (i + 1) * lineHeight));
        }
    }

    /**
     * Numbers as large as the tutorial had them, but at most a third of the lot's typical spot high (its short side), so
     * that the tag leaves most of the spot in view; 0 (no numbers) where that is too small to read, as on a feed
     * shrunk to a kiosk's pane, whose tiles show the numbers.
     */
    private static double labelScale(Layout layout, double frameScale) {
        int[] shortSides = layout.spots().stream().mapToInt(s -> Math.min(s.box().width(), s.box().height()))
                .sorted().toArray();
        if (shortSides.length == 0) {
            return 0;
        }
        double digitHeight = Imgproc.getTextSize("0", FONT, 1, 1, new int[1]).height;
        double fitting = shortSides[shortSides.length / 2] / 3.0;
        return fitting < SMALLEST_READABLE_DIGIT ? 0 : Math.min(0.45 * frameScale, fitting / digitHeight);
    }

    private int panelHeight(int lines) {
        return lines * lineHeight + lineHeight / 3;
    }

    /** "Free: 3 7 A12 +40 more" wrapped to the panel, {@link #perLine} labels a line, as drivers read them. */
    private List<String> freeLabelLines(List<String> free) {
        List<String> lines = new ArrayList<>();
        if (free.isEmpty()) {
            return lines;
        }
        int listed = Math.min(free.size(), LISTED);
        StringBuilder line = new StringBuilder("Free:");
        for (int i = 0; i < listed; i++) {
            if (i > 0 && i % perLine == 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(free.get(i));
        }
        if (free.size() > listed) {
            line.append(" +").append(free.size() - listed).append(" more");
        }
        lines.add(line.toString());
        return lines;
    }

    /** Draws the last state shown onto a BGR or BGRA frame of the layout's size. */
    public void draw(Mat frame) {
        if (frame.rows() != covered.rows() || frame.cols() != covered.cols()) {
            // Runs laid out for the layout's rows would land in the wrong places, or beyond, in a frame of another size.
            throw new IllegalArgumentException("the frame is " + frame.cols() + "x" + frame.rows() + ", the layout "
                    + covered.cols() + "x" + covered.rows());
        }
        if (reshaped || overlay.type() != frame.type()) {
            overlay.create(covered.rows(), covered.cols(), frame.type());
            overlay.setTo(CLEAR);
            covered.setTo(CLEAR);
            render(overlay, false, 0, covered.rows());
            render(covered, true, 0, covered.rows());
            runs.take(overlay, covered);
            reshaped = false;
        } else if (!repaint.isEmpty() || panelChanged) {
            repaintChangedRows();
        }
        repaint.clear();
        panelChanged = false;
        runs.writeInto(frame);
    }

    /**
     * Renders again only the bands of rows where a spot changed colour or the panel its text, and takes their bytes
     * into the runs: most changes touch a spot or two, and rendering the whole lot costs milliseconds (tens of them
     * for thousands of spots).
     */
    private void repaintChangedRows() {
        List<int[]> bands = new ArrayList<>();
        for (int i = repaint.nextSetBit(0); i >= 0; i = repaint.nextSetBit(i + 1)) {
            bands.add(new int[]{(int) topLeft[i].y - EDGE, (int) bottomRight[i].y + EDGE + 1});
        }
        if (panelChanged) {
            bands.add(new int[]{(int) panelTopLeft.y, (int) panelBottomRight.y + 1});
        }
        bands.sort((a, b) -> Integer.compare(a[0], b[0]));
        int from = -1;
        int to = -1;
        for (int[] band : bands) {
            if (band[0] > to) {
                repaintRows(from, to);
                from = band[0];
            }
            to = Math.max(to, band[1]);
        }
        repaintRows(from, to);
    }

    private void repaintRows(int from, int to) {
        from = Math.max(0, from);
        to = Math.min(covered.rows(), to);
        if (from >= to) {
            return;
        }
        // A line cut at the picture's edge may run a pixel off where the uncut one runs: render a few rows more
        // on either side and take only the rows asked for.
        int renderFrom = Math.max(0, from - CLIP_MARGIN);
        int renderTo = Math.min(covered.rows(), to + CLIP_MARGIN);
        Mat rows = overlay.rowRange(renderFrom, renderTo);
        render(rows, false, renderFrom, renderTo);
        rows.release();
        runs.refresh(overlay, from, to);
    }

    /**
     * The boxes, labels and panel that reach rows {@code from} to {@code to} of the frame, drawn in their colours (or,
     * for the mask, as every pixel they cover) into {@code target}, which holds those rows; drawing is clipped to
     * them, and every element that reaches them is drawn in the same order as over the whole frame.
     */
    private void render(Mat target, boolean mask, int from, int to) {
        for (int i = 0; i < labels.length; i++) {
            if (topLeft[i].y - EDGE >= to || bottomRight[i].y + EDGE < from) {
                continue;
            }
            Scalar colour = mask ? COVERED : colours[i];
            Imgproc.rectangle(target, up(topLeft[i], from), up(bottomRight[i], from), colour, 2);
            if (labelScale == 0) {
                continue;
            }
            Imgproc.rectangle(target, up(tagTopLeft[i], from), up(tagBottomRight[i], from), colour, -1);
            if (!mask) {
                Imgproc.putText(target, labels[i], up(labelAt[i], from), FONT, labelScale, TAG_TEXT, 1);
            }
        }
        if (!withPanel || panelTopLeft.y >= to || panelBottomRight.y < from) {
            return;
        }
        Imgproc.rectangle(target, up(panelTopLeft, from), up(panelBottomRight, from), mask ? COVERED : PANEL, -1);
        if (!mask) {
            for (int i = 0; i < panelLines.size(); i++) {
                Imgproc.putText(target, panelLines.get(i), up(panelLineAt.get(i), from), FONT,
                        i == 0 ? panelScale : panelScale * 0.7, TEXT, 2);
            }
        }
    }

    /** The point in a picture whose first row is the frame's row {@code rows}. */
    private static Point up(Point p, int rows) {
        return rows == 0 ? p : new Point(p.x, p.y - rows);
    }

    @Override
    public void close() {
        overlay.release();
        covered.release();
    }
}
