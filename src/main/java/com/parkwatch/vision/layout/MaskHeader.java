package com.parkwatch.vision.layout;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;

/**
 * Checks a mask's size from its header (PNG IHDR, JPEG SOF, BMP, GIF, TIFF) before it is decoded: a small file can
 * claim a size whose decoding takes gigabytes, so an image larger than a frame can be is refused unread.
 */
final class MaskHeader {

    private MaskHeader() {
    }

    static void check(Path mask) {
        int[] size = declaredSize(mask);
        if (size == null) {
            throw new LayoutException("cannot read the mask " + mask + ": it is not an image (PNG, JPEG, BMP, GIF or TIFF)");
        }
        if (size[0] > Layout.MAX_SIDE || size[1] > Layout.MAX_SIDE) {
            throw new LayoutException(String.format("the mask %s is %dx%d pixels: a mask may be at most %d px a side",
                    mask, size[0], size[1], Layout.MAX_SIDE));
        }
    }

    /** Width and height as the header gives them, or null for a file no image reader recognises. */
    private static int[] declaredSize(Path mask) {
        try (ImageInputStream in = ImageIO.createImageInputStream(mask.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[]{reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
