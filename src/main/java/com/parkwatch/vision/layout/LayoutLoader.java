package com.parkwatch.vision.layout;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutFiles;
import com.parkwatch.lot.PklotLabels;

import java.nio.file.Path;
import java.util.Locale;

/** Reads a layout by its file type: a JSON polygon layout, a PKLot XML, or else a mask image. */
public final class LayoutLoader {

    private LayoutLoader() {
    }

    /**
     * @param frameWidth  the frame size, which a PKLot XML (which has none of its own) is taken to have
     * @param frameHeight see frameWidth
     */
    public static Layout read(Path file, int frameWidth, int frameHeight) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return LayoutFiles.read(file);
        }
        if (name.endsWith(".xml")) {
            return PklotLabels.read(file, frameWidth, frameHeight).layout();
        }
        return MaskLayouts.read(file);
    }
}
