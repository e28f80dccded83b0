package com.parkwatch.ui.editor;

import java.nio.file.Path;
import java.util.List;

/**
 * How the kiosk sets up its lot.
 *
 * @param startInEditor the kiosk opens in the layout editor ({@code parkwatch --setup})
 * @param saveTo        the JSON polygon layout file the editor writes
 * @param importFrom    the folders whose mask images and layout files the editor offers to import
 */
public record SetupOptions(boolean startInEditor, Path saveTo, List<Path> importFrom) {

    public SetupOptions {
        importFrom = List.copyOf(importFrom);
    }

    /** Not started in the editor; a layout saved goes to {@code ~/.parkwatch/layout.json}. */
    public static SetupOptions defaults() {
        Path home = Path.of(System.getProperty("user.home"), ".parkwatch");
        return new SetupOptions(false, home.resolve("layout.json"), List.of(home));
    }
}
