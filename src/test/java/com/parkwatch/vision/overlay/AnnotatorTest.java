package com.parkwatch.vision.overlay;

import com.parkwatch.vision.image.OpenCv;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotView;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotatorTest {

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    private final Spot free = Spot.ofBox(1, new Box(100, 400, 60, 120));
    private final Spot taken = Spot.ofBox(2, new Box(300, 400, 60, 120));
    private final Layout layout = new Layout(1280, 720, List.of(free, taken));

    private static double[] bgr(Scalar s) {
        return new double[]{s.val[0], s.val[1], s.val[2]};
    }

    private Annotator showingOneFreeOneTaken() {
        Annotator annotator = new Annotator(layout);
        annotator.show(LotView.of(new LotSnapshot(30, 1, List.of(new SpotStatus(free, Occupancy.FREE, 0.9, 0),
                new SpotStatus(taken, Occupancy.OCCUPIED, 0.9, 0)))));
        return annotator;
    }

    /** On a grey (128) BGR frame. */
    private static void assertFreeGreenTakenRed(Mat frame) {
        assertArrayEquals(bgr(Annotator.COLOURS.get(SpotState.FREE)), frame.get(400, 130), "top edge of the free spot");
        assertArrayEquals(bgr(Annotator.COLOURS.get(SpotState.OCCUPIED)), frame.get(450, 300), "left edge of the occupied spot");
        assertArrayEquals(new double[]{128, 128, 128}, frame.get(460, 130), "inside a spot stays untouched");
    }

    @Test
    void drawsFreeSpotsGreenOccupiedRedAndThePanel() {
        Mat frame = new Mat(720, 1280, CvType.CV_8UC3, Scalar.all(128));
        showingOneFreeOneTaken().draw(frame);
        assertFreeGreenTakenRed(frame);
        assertArrayEquals(new double[]{25, 25, 25}, frame.get(3, 3), "the panel's corner");
        frame.release();
    }

    @Test
    void writesEachSpotsNumberDarkOnATagOfItsColour() {
        Mat frame = new Mat(720, 1280, CvType.CV_8UC3, Scalar.all(128));
        showingOneFreeOneTaken().draw(frame);
        assertArrayEquals(bgr(Annotator.COLOURS.get(SpotState.FREE)), frame.get(504, 110), "the free spot's tag, above its number");
        assertArrayEquals(bgr(Annotator.COLOURS.get(SpotState.OCCUPIED)), frame.get(504, 310), "the occupied spot's tag");
        Mat number = new Mat();
        Core.inRange(frame.submat(new Rect(100, 500, 40, 20)), Annotator.TAG_TEXT, Annotator.TAG_TEXT, number);
        assertTrue(Core.countNonZero(number) > 5, "the number's strokes on the tag");
        frame.release();
    }

    /** Drivers read the layout's labels on the kiosk and the phone: the picture must say the same, not the ids. */
    @Test
    void writesEachSpotsLabelNotItsNumber() {
        Mat numbered = new Mat(720, 1280, CvType.CV_8UC3, Scalar.all(128));
        showingOneFreeOneTaken().draw(numbered);
        Layout labelled = new Layout(1280, 720, List.of(free.described("W9", null, Set.of()), taken));
        Annotator annotator = new Annotator(labelled);
        annotator.show(LotView.of(new LotSnapshot(0, 0, List.of(new SpotStatus(labelled.spots().get(0), Occupancy.FREE, 1, 0),
                new SpotStatus(taken, Occupancy.OCCUPIED, 1, 0)))));
        Mat drawn = new Mat(720, 1280, CvType.CV_8UC3, Scalar.all(128));
        annotator.draw(drawn);
        Mat tagText = new Mat();
        Core.inRange(drawn.submat(new Rect(100, 500, 40, 20)), Annotator.TAG_TEXT, Annotator.TAG_TEXT, tagText);
        Mat numberText = new Mat();
        Core.inRange(numbered.submat(new Rect(100, 500, 40, 20)), Annotator.TAG_TEXT, Annotator.TAG_TEXT, numberText);
        assertTrue(Core.countNonZero(tagText) > Core.countNonZero(numberText) + 5,
                "\"W9\" takes more strokes than the id \"1\"");
        for (Mat m : new Mat[]{numbered, drawn, tagText, numberText}) {
            m.release();
        }
    }

    @Test
    void drawsOnBgraFramesTooWithOpaqueColours() {
        Annotator annotator = new Annotator(layout);
        annotator.show(LotView.of(new LotSnapshot(0, 0, List.of(new SpotStatus(free, Occupancy.FREE, 1, 0),
                new SpotStatus(taken, Occupancy.UNKNOWN, 0, 0)))));
        Mat frame = new Mat(720, 1280, CvType.CV_8UC4, Scalar.all(0));
        annotator.draw(frame);
        assertArrayEquals(Annotator.COLOURS.get(SpotState.FREE).val, frame.get(400, 130));
        assertEquals(255, frame.get(400, 330)[3]);
        frame.release();
    }

    @Test
    void drawsIntoAFrameWhoseRowsLieFurtherApartThanItsWidthAndNothingAroundIt() {
        Mat wider = new Mat(740, 1300, CvType.CV_8UC3, Scalar.all(128));
        Mat frame = wider.submat(new Rect(10, 10, 1280, 720));
        showingOneFreeOneTaken().draw(frame);
        assertFreeGreenTakenRed(frame);
        assertEquals(0, Core.countNonZero(paintedOutside(wider, new Rect(10, 10, 1280, 720))),
                "the pixels around the frame are untouched");
        wider.release();
    }

    private static Mat paintedOutside(Mat image, Rect inside) {
        Mat grey = new Mat();
        Core.absdiff(image, Scalar.all(128), grey);
        Mat differs = new Mat();
        Core.transform(grey, differs, new Mat(1, 3, CvType.CV_32F, Scalar.all(1)));
        differs.submat(inside).setTo(Scalar.all(0));
        return differs;
    }

    @Test
    void followsTheStateOnEveryBufferItDrawsInto() {
        Annotator annotator = new Annotator(layout);
        Mat[] buffers = new Mat[6];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new Mat(720, 1280, CvType.CV_8UC4, Scalar.all(0));
        }
        for (Occupancy state : new Occupancy[]{Occupancy.FREE, Occupancy.OCCUPIED}) {
            annotator.show(LotView.of(new LotSnapshot(0, 0, List.of(new SpotStatus(free, state, 1, 0),
                    new SpotStatus(taken, Occupancy.OCCUPIED, 1, 0)))));
            for (Mat buffer : buffers) {
                annotator.draw(buffer);
                assertArrayEquals(Annotator.COLOURS.get(state == Occupancy.FREE ? SpotState.FREE : SpotState.OCCUPIED).val,
                        buffer.get(400, 130));
            }
        }
        for (Mat buffer : buffers) {
            buffer.release();
        }
    }

    @Test
    void redrawingOnlyWhatChangedLeavesTheSameFrameAsDrawingAllAfresh() {
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // Rows of boxes that overlap their neighbours by a pixel or two, some under the panel.
            spots.add(Spot.ofBox(i + 1, new Box(20 + (i % 12) * 98, 10 + (i / 12) * 139, 100, 141)));
        }
        Layout lot = new Layout(1280, 720, spots);
        Random random = new Random(5);
        Occupancy[] states = Occupancy.values();
        Annotator following = new Annotator(lot);
        Mat followed = new Mat(720, 1280, CvType.CV_8UC3);
        Mat fresh = new Mat(720, 1280, CvType.CV_8UC3);
        Occupancy[] shown = new Occupancy[spots.size()];
        Arrays.fill(shown, Occupancy.OCCUPIED);
        for (int step = 0; step < 40; step++) {
            // A spot or two changes at a time, as in a lot.
            for (int change = random.nextInt(3); change >= 0; change--) {
                shown[random.nextInt(shown.length)] = states[random.nextInt(states.length)];
            }
            List<SpotStatus> statuses = new ArrayList<>();
            for (int i = 0; i < spots.size(); i++) {
                statuses.add(new SpotStatus(spots.get(i), shown[i], 1, 0));
            }
            LotSnapshot snapshot = new LotSnapshot(step, step, statuses);
            Set<Integer> reserved = Set.of(1 + random.nextInt(step % 4 == 0 ? 60 : 1));
            following.show(view(snapshot, reserved));
            followed.setTo(Scalar.all(128));
            following.draw(followed);
            Annotator afresh = new Annotator(lot);
            afresh.show(view(snapshot, reserved));
            fresh.setTo(Scalar.all(128));
            afresh.draw(fresh);
            afresh.close();
            Mat diff = new Mat();
            Core.absdiff(followed, fresh, diff);
            assertEquals(0, Core.countNonZero(diff.reshape(1)), "after step " + step);
        }
        following.close();
    }

    @Test
    void refusesAFrameOfAnotherSize() {
        Annotator annotator = new Annotator(layout);
        Mat small = new Mat(360, 640, CvType.CV_8UC3, Scalar.all(0));
        assertThrows(IllegalArgumentException.class, () -> annotator.draw(small));
        small.release();
    }

    @Test
    void thePanelGoesToTheCornerWhereItHidesTheFewestSpots() {
        Spot topLeft = Spot.ofBox(1, new Box(20, 20, 60, 40));
        Spot bottomRight = Spot.ofBox(2, new Box(1200, 660, 60, 40));
        Annotator annotator = new Annotator(new Layout(1280, 720, List.of(topLeft, bottomRight)));
        annotator.show(LotView.of(new LotSnapshot(0, 0, List.of(new SpotStatus(topLeft, Occupancy.FREE, 1, 0),
                new SpotStatus(bottomRight, Occupancy.FREE, 1, 0)))));
        Mat frame = new Mat(720, 1280, CvType.CV_8UC3, Scalar.all(128));
        annotator.draw(frame);
        assertArrayEquals(bgr(Annotator.COLOURS.get(SpotState.FREE)), frame.get(20, 50), "the spot at the top left shows");
        assertArrayEquals(new double[]{25, 25, 25}, frame.get(3, 1276), "the panel is at the top right");
        assertArrayEquals(new double[]{128, 128, 128}, frame.get(3, 3));
        frame.release();
    }

    /** The view of a sample with these spots booked, as the live lot would give it. */
    private static LotView view(LotSnapshot snapshot, Set<Integer> reserved) {
        return new LotView(snapshot, snapshot.spots().stream().map(s -> new SpotView(s.spot(),
                SpotState.of(s.occupancy(), reserved.contains(s.spot().id())), s.occupancy(), s.confidence(), null,
                reserved.contains(s.spot().id()) ? Instant.MAX : null)).toList(), SourceHealth.live(), null, true);
    }
}
