package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Spot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the lot map draws the spots: in their places, large enough to tap, scrolling only when they must. */
class MapPlanTest {

    /** Two rows of four 60x100 bays, the upper row in zone "North". */
    private static List<Spot> twoRows() {
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Spot s = Spot.ofBox(i + 1, new Box(100 + 70 * (i % 4), 50 + 150 * (i / 4), 60, 100));
            spots.add(i < 4 ? s.described(null, "North", java.util.Set.of()) : s);
        }
        return spots;
    }

    /** A camera's view of 396 bays of 30x20 px: too small to tap when the whole lot is in view. */
    private static List<Spot> dense() {
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < 396; i++) {
            spots.add(Spot.ofBox(i + 1, new Box(32 * (i % 36), 24 * (i / 36), 30, 20)));
        }
        return spots;
    }

    private static boolean[] all(int n) {
        boolean[] shown = new boolean[n];
        Arrays.fill(shown, true);
        return shown;
    }

    @Test
    void aSmallLotFitsTheViewKeepingItsSpotsPlacesAndItsZoneAroundItsSpots() {
        MapPlan plan = new MapPlan(twoRows());
        plan.fit(800, 600);
        assertEquals(800, plan.width());
        assertEquals(600, plan.height(), "nothing to scroll");
        for (int i = 0; i < 8; i++) {
            MapPlan.Area a = plan.spot(i);
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.x() + a.width() <= 800 && a.y() + a.height() <= 600, a.toString());
            assertTrue(a.width() >= MapPlan.TOUCH && a.height() >= MapPlan.TOUCH, a.toString());
        }
        assertTrue(plan.spot(0).x() < plan.spot(1).x() && plan.spot(0).y() < plan.spot(4).y(), "left of, above");
        assertTrue(!plan.spot(0).meets(plan.spot(1)), "neighbours apart");
        assertEquals(1, plan.zones().size());
        assertEquals("North", plan.zones().get(0).name());
        for (int i = 0; i < 4; i++) {
            MapPlan.Area a = plan.spot(i);
            MapPlan.Area zone = plan.zone(0);
            assertTrue(zone.contains(a.x(), a.y()) && zone.contains(a.x() + a.width() - 1, a.y() + a.height() - 1));
        }
        assertTrue(!plan.zone(0).contains(plan.spot(4).centreX(), plan.spot(4).centreY()), "the lower row is not North");
    }

    @Test
    void aDenseLotIsDrawnLargerAndScrollsSoThatEverySpotCanBeTapped() {
        MapPlan plan = new MapPlan(dense());
        plan.fit(700, 500);
        assertTrue(plan.width() > 700 && plan.height() > 500, plan.width() + " x " + plan.height());
        for (int i = 0; i < plan.size(); i++) {
            assertTrue(plan.spot(i).width() >= MapPlan.TOUCH && plan.spot(i).height() >= MapPlan.TOUCH);
        }
        plan.fit(4000, 3000);
        assertEquals(4000, plan.width(), "a view large enough holds it whole");
    }

    @Test
    void aTapMeansTheShownSpotUnderItAndNothingBetweenSpots() {
        MapPlan plan = new MapPlan(twoRows());
        plan.fit(800, 600);
        boolean[] shown = all(8);
        for (int i = 0; i < 8; i++) {
            assertEquals(i, plan.spotAt(plan.spot(i).centreX(), plan.spot(i).centreY(), shown));
        }
        MapPlan.Area first = plan.spot(0);
        MapPlan.Area second = plan.spot(1);
        assertEquals(-1, plan.spotAt((first.x() + first.width() + second.x()) / 2, first.centreY(), shown), "the gap");
        shown[2] = false;
        assertEquals(-1, plan.spotAt(plan.spot(2).centreX(), plan.spot(2).centreY(), shown), "hidden by \"free only\"");
    }
}
