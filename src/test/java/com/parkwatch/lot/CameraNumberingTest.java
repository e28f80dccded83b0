package com.parkwatch.lot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CameraNumberingTest {

    private static Spot spot(int id, String label, int x) {
        return new Spot(id, List.of(new Vertex(x, 0), new Vertex(x + 10, 0), new Vertex(x + 10, 10)), label, null, Set.of());
    }

    private static Layout layout(Spot... spots) {
        return new Layout(100, 100, List.of(spots));
    }

    @Test
    void theSecondCameraGoesOnCountingItsNumbersAndLabels() {
        // Numbers in the mask's order, labels in reading order: they differ, as they do for a mask.
        Layout mask = layout(spot(1, "2", 20), spot(2, "1", 0), spot(3, "3", 40));
        List<Layout> lot = CameraNumbering.acrossCameras(List.of(mask, mask));
        assertEquals(mask, lot.get(0));
        assertEquals(List.of(4, 5, 6), lot.get(1).spots().stream().map(Spot::id).toList());
        assertEquals(List.of("5", "4", "6"), lot.get(1).spots().stream().map(Spot::label).toList());
    }

    @Test
    void labelsThatAreNotNumbersTakeTheCameraInFront() {
        Layout named = layout(spot(1, "A1", 0), spot(2, "A2", 20));
        List<Layout> lot = CameraNumbering.acrossCameras(List.of(named, named, layout(spot(1, "B1", 0))));
        assertEquals(List.of("2-A1", "2-A2"), lot.get(1).spots().stream().map(Spot::label).toList());
        // No label meets the ones before: kept as the layout gives it.
        assertEquals("B1", lot.get(2).spots().get(0).label());
        assertEquals(5, lot.get(2).spots().get(0).id());
    }

    @Test
    void aCameraSwitchedToALargerLayoutMayNotReachTheNextCamerasNumbers() {
        Layout two = layout(spot(1, "1", 0), spot(2, "2", 20));
        List<Layout> lot = CameraNumbering.acrossCameras(List.of(two, two));
        Layout three = layout(spot(1, "1", 0), spot(2, "2", 20), spot(3, "3", 40));
        String refused = assertThrows(LayoutException.class, () -> CameraNumbering.forCamera(lot, 1, three)).getMessage();
        assertTrue(refused.contains("camera 2's start at 3"), refused);
        Layout second = CameraNumbering.forCamera(lot, 2, three);
        assertEquals(List.of(3, 4, 5), second.spots().stream().map(Spot::id).toList());
        assertEquals(List.of("3", "4", "5"), second.spots().stream().map(Spot::label).toList());
    }
}
