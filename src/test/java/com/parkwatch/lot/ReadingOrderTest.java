package com.parkwatch.lot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadingOrderTest {

    /** Two rows drawn column by column, as the tutorial's mask was: ids 1..6 go down the columns. */
    private static final List<Spot> BY_COLUMNS = List.of(
            Spot.ofBox(1, new Box(0, 0, 20, 40)), Spot.ofBox(2, new Box(0, 60, 20, 40)),
            Spot.ofBox(3, new Box(25, 3, 20, 40)), Spot.ofBox(4, new Box(25, 63, 20, 40)),
            Spot.ofBox(5, new Box(50, 6, 20, 40)), Spot.ofBox(6, new Box(50, 66, 20, 40)));

    @Test
    void numbersSpotsRowByRowLeftToRightAndKeepsTheMaskOrderAsIds() {
        Layout layout = new Layout(100, 120, BY_COLUMNS);
        assertEquals(List.of(1, 3, 5, 2, 4, 6), layout.inReadingOrder().stream().map(Spot::id).toList(),
                "a row that drifts 6 px down over three bays of 40 px stays one row");
        assertEquals(List.of("1", "4", "2", "5", "3", "6"), layout.spots().stream().map(Spot::label).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), layout.spots().stream().map(Spot::id).toList());
    }

    @Test
    void keepsTheLabelsALayoutGives() {
        Spot named = BY_COLUMNS.get(0).described("A1", "North", Set.of());
        Layout layout = new Layout(100, 120, List.of(named, BY_COLUMNS.get(1)));
        assertEquals(List.of("A1", "2"), layout.spots().stream().map(Spot::label).toList());
    }

    @Test
    void labelsSurviveScaling() {
        Layout scaled = new Layout(100, 120, BY_COLUMNS, new Vertex(50, 120)).fittedTo(200, 240);
        assertEquals("4", scaled.spots().get(1).label());
        assertEquals(new Vertex(100, 240), scaled.entrance());
    }

    @Test
    void labelsGivenAreListedAsDriversCountThem() {
        List<Spot> named = List.of(BY_COLUMNS.get(0).described("A10", null, Set.of()),
                BY_COLUMNS.get(1).described("B1", null, Set.of()), BY_COLUMNS.get(2).described("A2", null, Set.of()),
                BY_COLUMNS.get(3).described("a9", null, Set.of()));
        assertEquals(List.of("A2", "a9", "A10", "B1"),
                new Layout(100, 120, named).inLabelOrder().stream().map(Spot::label).toList());
    }
}
