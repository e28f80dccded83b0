package com.parkwatch.ui.editor;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The editor's undo: every edit keeps the layout and the suggested bays before it, and what it did, in words for the
 * Undo button.
 */
final class EditHistory {

    /** One edit: what it did ("draw a bay"), and the layout and the bays still suggested before it. */
    record Edit(String what, Layout before, List<Spot> suggestedBefore) {
    }

    /** Enough for a morning's drawing; the oldest edits are forgotten beyond it. */
    static final int LIMIT = 500;

    private final Deque<Edit> edits = new ArrayDeque<>();

    void push(String what, Layout before, List<Spot> suggestedBefore) {
        edits.push(new Edit(what, before, suggestedBefore));
        if (edits.size() > LIMIT) {
            edits.removeLast();
        }
    }

    Optional<Edit> pop() {
        return Optional.ofNullable(edits.poll());
    }

    /** What Undo would take back, or empty. */
    Optional<String> last() {
        return Optional.ofNullable(edits.peek()).map(Edit::what);
    }

    void clear() {
        edits.clear();
    }
}
