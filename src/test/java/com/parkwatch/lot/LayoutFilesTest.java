package com.parkwatch.lot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackPolygonsAndBoxes() throws Exception {
        Layout layout = new Layout(1280, 720, List.of(Spot.ofBox(1, new Box(10, 20, 30, 40)),
                new Spot(2, PklotLabels.corners(600, 300, 50, 100, -70))));
        Path file = dir.resolve("lot.json");
        LayoutFiles.write(layout, file);
        assertEquals(layout, LayoutFiles.read(file));
    }

    @Test
    void keepsLabelsZonesTypesAndTheEntrance() throws Exception {
        Spot accessible = Spot.ofBox(7, new Box(10, 20, 30, 40)).described("A1", "North", Set.of(BayType.ACCESSIBLE));
        Spot charging = Spot.ofBox(3, new Box(50, 20, 30, 40)).described("A2", "North", Set.of(BayType.EV_CHARGING, BayType.CLOSED));
        Layout layout = new Layout(200, 100, List.of(accessible, charging), new Vertex(100, 99));
        Path file = dir.resolve("described.json");
        LayoutFiles.write(layout, file);
        Layout read = LayoutFiles.read(file);
        assertEquals(layout, read);
        assertEquals("A2", read.spots().get(1).label());
        assertTrue(read.spots().get(1).closedForGood());
        assertTrue(Files.readString(file).contains("\"types\":[\"ev_charging\",\"closed\"]"), Files.readString(file));
    }

    @Test
    void refusesUnknownTypesSameLabelsAndAnEntranceOutside() throws Exception {
        Path unknown = Files.writeString(dir.resolve("unknown.json"),
                "{\"width\":10,\"height\":10,\"spots\":[{\"id\":4,\"polygon\":[[0,0],[5,0],[5,5]],\"types\":[\"vip\"]}]}");
        assertEquals("the layout " + unknown + " gives spot 4 the type \"vip\": the types are accessible, ev_charging, staff_only and closed",
                assertThrows(LayoutException.class, () -> LayoutFiles.read(unknown)).getMessage());
        Path twins = Files.writeString(dir.resolve("twins.json"), "{\"width\":10,\"height\":10,\"spots\":["
                + "{\"id\":1,\"polygon\":[[0,0],[5,0],[5,5]],\"label\":\"B\"},{\"id\":2,\"polygon\":[[5,5],[9,5],[9,9]],\"label\":\"B\"}]}");
        assertEquals("the layout " + twins + " gives two spots the same label",
                assertThrows(LayoutException.class, () -> LayoutFiles.read(twins)).getMessage());
        Path door = Files.writeString(dir.resolve("door.json"),
                "{\"width\":10,\"height\":10,\"entrance\":[50,5],\"spots\":[{\"id\":1,\"polygon\":[[0,0],[5,0],[5,5]]}]}");
        assertEquals("the layout " + door + " puts its entrance (50, 5) outside its 10x10 frame",
                assertThrows(LayoutException.class, () -> LayoutFiles.read(door)).getMessage());
    }

    @Test
    void refusesFilesThatAreNotLayouts() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{not json");
        assertTrue(assertThrows(LayoutException.class, () -> LayoutFiles.read(garbage)).getMessage()
                .contains("not a JSON polygon layout"));
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"width\":10,\"height\":10,\"spots\":[]}");
        assertTrue(assertThrows(LayoutException.class, () -> LayoutFiles.read(empty)).getMessage().contains("no spots"));
        Path twoPoints = Files.writeString(dir.resolve("line.json"),
                "{\"width\":10,\"height\":10,\"spots\":[{\"id\":1,\"polygon\":[[0,0],[5,5]]}]}");
        assertTrue(assertThrows(LayoutException.class, () -> LayoutFiles.read(twoPoints)).getMessage().contains("malformed"));
    }

    @Test
    void refusesPointsOutsideTheFrameAndAbsurdSizes() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.json"),
                "{\"width\":1280,\"height\":720,\"spots\":[{\"id\":3,\"polygon\":[[10,10],[100000,10],[100000,90000]]}]}");
        assertEquals("the layout " + outside + " has a point (100000, 10) of spot 3 outside its 1280x720 frame",
                assertThrows(LayoutException.class, () -> LayoutFiles.read(outside)).getMessage());
        Path huge = Files.writeString(dir.resolve("huge.json"),
                "{\"width\":100000,\"height\":100000,\"spots\":[{\"id\":1,\"polygon\":[[0,0],[5,0],[5,5]]}]}");
        assertEquals("the layout " + huge + " declares 100000x100000 pixels: a layout may be at most 16384 px a side",
                assertThrows(LayoutException.class, () -> LayoutFiles.read(huge)).getMessage());
        Path edge = Files.writeString(dir.resolve("edge.json"),
                "{\"width\":1280,\"height\":720,\"spots\":[{\"id\":1,\"polygon\":[[0,0],[1280,0],[1280,720]]}]}");
        assertEquals(1, LayoutFiles.read(edge).size(), "points on the frame's edge are inside");
    }
}
