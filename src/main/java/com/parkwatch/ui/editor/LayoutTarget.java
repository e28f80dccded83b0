package com.parkwatch.ui.editor;

import com.parkwatch.lot.Layout;

import java.io.IOException;
import java.nio.file.Path;

/** Where a saved layout goes: its file, and the running lot that watches it from then on. */
public interface LayoutTarget {

    /** The JSON polygon layout file the editor writes. */
    Path file();

    /** Writes the layout to {@link #file()} and has the lot watch it; off the FX thread. */
    void use(Layout layout) throws IOException;
}
