package com.parkwatch.vision.track;

import com.parkwatch.vision.FrameSources;
import com.parkwatch.vision.classify.CombinedClassifier;
import com.parkwatch.vision.classify.ModelFiles;
import com.parkwatch.vision.layout.MaskLayouts;
import com.parkwatch.vision.video.FrameSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.SharedData;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.StateChanges;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine with the shipped (default) model on the real clips of the original tutorial and of another lot's. */
class TutorialClipsTest {

    private static List<LotSnapshot> analyse(String video, String mask) throws Exception {
        List<LotSnapshot> samples = new ArrayList<>();
        try (FrameSource source = FrameSources.open(SharedData.require(video).toString(), 1, s -> { })) {
            Layout layout = MaskLayouts.read(SharedData.require(mask)).fittedTo(source.width(), source.height());
            try (CombinedClassifier model = ModelFiles.loadDefault();
                 OccupancyTracker tracker = new OccupancyTracker(layout, model, TrackerSettings.withStep(30))) {
                Mat frame;
                for (long f = 0; (frame = source.next()) != null; f++) {
                    tracker.accept(frame, f, f / source.frameRate()).ifPresent(samples::add);
                }
            }
        }
        return samples;
    }

    private static Occupancy state(LotSnapshot s, int spotId) {
        return s.spots().get(spotId - 1).occupancy();
    }

    /**
     * Two cars leave during the clip: the one in spot 11 is mostly out by frame 150 and gone by 180, the one in
     * spot 5 is mostly out by frame 450 and gone by 480 (seen on the frames). Spot 4 is free throughout.
     */
    @Test
    void theCropFollowsTheCarsThatLeaveWithinOneStep() throws Exception {
        List<LotSnapshot> samples = analyse("tutorial-crop/parking_crop.mp4", "tutorial-crop/mask_crop.png");
        assertEquals(29, samples.size());
        for (LotSnapshot s : samples) {
            long f = s.frame();
            assertEquals(f <= 90 ? Occupancy.OCCUPIED : f >= 210 ? Occupancy.FREE : state(s, 11), state(s, 11), "spot 11 at " + f);
            assertEquals(f <= 360 ? Occupancy.OCCUPIED : f >= 510 ? Occupancy.FREE : state(s, 5), state(s, 5), "spot 5 at " + f);
            for (int id = 1; id <= 14; id++) {
                if (id != 5 && id != 11) {
                    assertEquals(id == 4 ? Occupancy.FREE : Occupancy.OCCUPIED, state(s, id), "spot " + id + " at " + f);
                }
            }
        }
        assertEquals(List.of(4, 5, 11), samples.get(samples.size() - 1).freeSpotIds());
    }

    /** A free bay of the full lot with a pale square plate lying in it. */
    private static final int PLATE_IN_THE_BAY = 280;

    /**
     * The whole lot at 720p with the 1080p mask: spots that stay free or stay occupied are shown right at every
     * sampled frame and never flip. A spot the first looks only guess at is shown unknown until surer looks add up,
     * which here takes at most 20 s (the flatbed trailer in spot 189 takes 16), except spot 280: a free bay with a
     * pale square plate lying in it, which the SVM alone called free at 0.54 and the shipped pair leaves unknown.
     */
    @Test
    void theFullLotKeepsItsSteadySpotsRight() throws Exception {
        Map<Integer, Occupancy> truth = new TreeMap<>();
        try (InputStream in = TutorialClipsTest.class.getResourceAsStream("/tutorial-full-720p-stable-spots.json")) {
            JsonNode stable = new ObjectMapper().readTree(in).get("stable");
            stable.fields().forEachRemaining(e -> truth.put(Integer.parseInt(e.getKey()),
                    Occupancy.valueOf(e.getValue().asText().toUpperCase())));
        }
        List<LotSnapshot> samples = analyse("tutorial-full/carPark_1280x720.mp4", "tutorial-full/mask_1920_1080.png");
        assertEquals(396, samples.get(0).total());
        long shown = 0;
        long unknown = 0;
        Map<Integer, Integer> wrongBySpot = new TreeMap<>();
        for (LotSnapshot s : samples) {
            for (Map.Entry<Integer, Occupancy> e : truth.entrySet()) {
                Occupancy state = state(s, e.getKey());
                if (state == Occupancy.UNKNOWN) {
                    unknown++;
                    assertTrue(s.time() <= 20 || e.getKey() == PLATE_IN_THE_BAY,
                            "spot " + e.getKey() + " still unknown at " + s.time() + " s");
                    continue;
                }
                shown++;
                if (state != e.getValue()) {
                    wrongBySpot.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        assertEquals(Map.of(), wrongBySpot, "wrong samples of steady spots, by spot, of " + shown + " shown");
        // The SVM alone left 163 of 11,310 unknown (1.44%), the shipped pair 110 (docs/accuracy.md).
        assertTrue(unknown <= 0.01 * (shown + unknown), unknown + " spot-samples unknown");
        StateChanges changes = new StateChanges();
        samples.forEach(changes::record);
        Map<Integer, Integer> flips = new TreeMap<>(changes.bySpot());
        flips.keySet().retainAll(truth.keySet());
        assertEquals(Map.of(), flips, "flips of steady spots");
        // The cars that leave (spots 113, 154, 335) and the one that arrives (185) are followed.
        LotSnapshot first = samples.get(0);
        LotSnapshot last = samples.get(samples.size() - 1);
        for (int id : new int[]{113, 154, 335}) {
            assertEquals(Occupancy.OCCUPIED, state(first, id), "spot " + id + " at the start");
            assertEquals(Occupancy.FREE, state(last, id), "spot " + id + " at the end");
        }
        assertEquals(Occupancy.FREE, state(first, 185));
        assertEquals(Occupancy.OCCUPIED, state(last, 185));
    }

    /**
     * Another tutorial's lot, never trained on (carpark-1100, 69 spots, 351 frames): by eye, at frames 70 and 340
     * every spot is shown right; the car in spot 47 backs out during the clip, a person on a scooter crosses spot
     * 48, and a white car pulls out of spot 30 (labelled 34) in the first three seconds. Two white vans, whose flat
     * roofs the network's head takes for asphalt, are left unknown rather than shown free: spot 10 (labelled 7) for
     * the first 5 s, spot 3 (labelled 1) throughout.
     */
    @Test
    void aLotNeverTrainedOnIsRightAndFollowsTheCarsThatLeave() throws Exception {
        List<LotSnapshot> samples = analyse("carpark-1100/carPark.mp4", "carpark-1100/mask_carPark_1100x720.png");
        LotSnapshot last = samples.get(samples.size() - 1);
        assertEquals(List.of(7, 15, 27, 30, 36, 41, 44, 47, 48, 49, 54, 55, 58, 61, 62), last.freeSpotIds());
        assertEquals(Occupancy.OCCUPIED, state(samples.get(0), 47));
        assertEquals(Occupancy.OCCUPIED, state(samples.get(0), 30));
        StateChanges changes = new StateChanges();
        samples.forEach(changes::record);
        assertEquals(Map.of(30, 1, 47, 1), changes.bySpot(), "only the cars that leave change a spot");
        for (LotSnapshot s : samples) {
            List<Integer> unknown = s.spots().stream().filter(spot -> spot.occupancy() == Occupancy.UNKNOWN)
                    .map(spot -> spot.spot().id()).toList();
            List<Integer> allowed = s.time() < 1 ? List.of(3, 10, 62) : s.time() <= 5 ? List.of(3, 10) : List.of(3);
            assertTrue(allowed.containsAll(unknown), "unknown spots at " + s.time() + " s: " + unknown);
        }
    }
}
