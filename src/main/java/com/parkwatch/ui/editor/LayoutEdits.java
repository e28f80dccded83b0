package com.parkwatch.ui.editor;

import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The layout editor's edits, each a new {@link Layout} from an old one: nothing here changes in place, so undo is
 * keeping the layout before. Spot numbers (the key of bookings) stay as they are unless the operator renumbers; a
 * new bay takes the next free number and, as its label, the lowest number no bay reads.
 */
final class LayoutEdits {

    /** The smallest bay side drawn by hand, in frame pixels: less is a slip of the finger. */
    static final double SMALLEST_SIDE = 8;

    private LayoutEdits() {
    }

    static Layout add(Layout layout, List<Vertex> outline) {
        var box = new Spot(1, outline).box();
        if (box.width() < SMALLEST_SIDE || box.height() < SMALLEST_SIDE) {
            throw new EditRefused("That is too small for a bay: drag from one corner of the bay to the opposite one.");
        }
        List<Spot> spots = new ArrayList<>(layout.spots());
        spots.add(new Spot(nextId(layout), clamped(layout, outline), freeNumberLabel(layout.spots()), null, Set.of()));
        return layout.withSpots(spots);
    }

    static Layout delete(Layout layout, Set<Integer> ids) {
        return layout.withSpots(layout.spots().stream().filter(s -> !ids.contains(s.id())).toList());
    }

    static Layout moveCorner(Layout layout, int id, int corner, Vertex to) {
        return change(layout, Set.of(id), s -> {
            List<Vertex> outline = new ArrayList<>(s.outline());
            outline.set(corner, clamp(layout, to));
            return new Spot(s.id(), outline, s.label(), s.zone(), s.types());
        });
    }

    /**
     * A row of {@code count} equal bays from its two end bays: the bays between are added with new numbers, the end
     * bays stay as they are.
     *
     * @return the new layout and the row's spot numbers from the first end bay to the last
     */
    static Row fillRow(Layout layout, int firstId, int lastId, int count) {
        Spot first = spot(layout, firstId);
        Spot last = spot(layout, lastId);
        if (first.outline().size() != last.outline().size()) {
            throw new EditRefused("The two end bays need the same number of corners to fill the row between them.");
        }
        if (count < 3) {
            throw new EditRefused("A row needs at least 3 bays: the two end bays and one between them.");
        }
        List<List<Vertex>> outlines = Outlines.row(first.outline(), last.outline(), count);
        List<Spot> spots = new ArrayList<>(layout.spots());
        List<Integer> row = new ArrayList<>(List.of(firstId));
        int id = nextId(layout);
        for (List<Vertex> outline : outlines.subList(1, count - 1)) {
            Spot added = new Spot(id++, outline, freeNumberLabel(spots), first.zone(), first.types());
            spots.add(added);
            row.add(added.id());
        }
        row.add(lastId);
        return new Row(layout.withSpots(spots), List.copyOf(row));
    }

    record Row(Layout layout, List<Integer> ids) {
    }

    /**
     * Numbers every bay 1, 2, 3 ... in reading order (rows from the top, left to right); a label that is a number
     * becomes the new number too, a label such as "A3" stays.
     */
    static Layout renumber(Layout layout) {
        List<Spot> ordered = layout.inReadingOrder();
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Spot s = ordered.get(i);
            String label = isNumber(s.label()) ? Integer.toString(i + 1) : s.label();
            spots.add(new Spot(i + 1, s.outline(), label, s.zone(), s.types()));
        }
        Layout renumbered = layout.withSpots(spots);
        refuseSharedLabels(renumbered);
        return renumbered;
    }

    /** The chosen bays labelled {@code prefix} and 1, 2, 3 ... in reading order: "A1" to "A20". */
    static Layout labelRow(Layout layout, Set<Integer> ids, String prefix, int first) {
        if (ids.isEmpty()) {
            throw new EditRefused("Select the bays of the row first: tap each, or fill a row.");
        }
        List<Spot> row = layout.inReadingOrder().stream().filter(s -> ids.contains(s.id())).toList();
        Map<Integer, String> labels = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            labels.put(row.get(i).id(), prefix + (first + i));
        }
        Layout labelled = change(layout, ids, s -> s.described(labels.get(s.id()), s.zone(), s.types()));
        refuseSharedLabels(labelled);
        return labelled;
    }

    /** Gives the chosen bays a type, or takes it away when all of them have it already. */
    static Layout toggleType(Layout layout, Set<Integer> ids, BayType type) {
        boolean all = layout.spots().stream().filter(s -> ids.contains(s.id())).allMatch(s -> s.types().contains(type));
        return change(layout, ids, s -> {
            Set<BayType> types = s.types().isEmpty() ? EnumSet.noneOf(BayType.class) : EnumSet.copyOf(s.types());
            if (all) {
                types.remove(type);
            } else {
                types.add(type);
            }
            return s.described(s.label(), s.zone(), types);
        });
    }

    /** The chosen bays in the named zone; a blank name takes them out of any zone. */
    static Layout zone(Layout layout, Set<Integer> ids, String zone) {
        return change(layout, ids, s -> s.described(s.label(), zone, s.types()));
    }

    static Layout entrance(Layout layout, Vertex at) {
        return new Layout(layout.width(), layout.height(), layout.spots(), clamp(layout, at));
    }

    private static Layout change(Layout layout, Set<Integer> ids, Function<Spot, Spot> edit) {
        if (ids.isEmpty()) {
            throw new EditRefused("Select one or more bays first: tap them with the Select tool.");
        }
        return layout.withSpots(layout.spots().stream().map(s -> ids.contains(s.id()) ? edit.apply(s) : s).toList());
    }

    private static void refuseSharedLabels(Layout layout) {
        Set<String> seen = new HashSet<>();
        for (Spot s : layout.spots()) {
            if (!seen.add(s.label())) {
                throw new EditRefused("Two bays would both read " + s.label() + ": choose another row letter or relabel the other bay first.");
            }
        }
    }

    static Spot spot(Layout layout, int id) {
        return layout.spots().get(layout.indexOf(id));
    }

    private static int nextId(Layout layout) {
        return layout.spots().stream().mapToInt(Spot::id).max().orElse(0) + 1;
    }

    /** The lowest number that no bay reads, so that a new bay's label is never another's. */
    private static String freeNumberLabel(List<Spot> spots) {
        Set<String> taken = spots.stream().map(Spot::label).collect(Collectors.toSet());
        int n = 1;
        while (taken.contains(Integer.toString(n))) {
            n++;
        }
        return Integer.toString(n);
    }

    private static boolean isNumber(String label) {
        return label != null && label.matches("[0-9]+");
    }

    private static List<Vertex> clamped(Layout layout, List<Vertex> outline) {
        return outline.stream().map(v -> clamp(layout, v)).toList();
    }

    /** Inside the frame, to a tenth of a pixel: a finger at the picture's edge may land just beyond it. */
    private static Vertex clamp(Layout layout, Vertex v) {
        return Outlines.rounded(new Vertex(Math.max(0, Math.min(layout.width(), v.x())),
                Math.max(0, Math.min(layout.height(), v.y()))));
    }
}
