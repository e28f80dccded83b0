package com.parkwatch.ui;

import java.util.Locale;

/** What a spot tile shows: by colour (its style class) and by word, so colour is never the only cue. */
public enum TileState {
    FREE, OCCUPIED, RESERVED, UNKNOWN;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    String styleClass() {
        return "spot-" + word();
    }
}
